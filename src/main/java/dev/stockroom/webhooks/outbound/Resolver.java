package dev.stockroom.webhooks.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to addresses; the system's DNS, or a fake in tests. An address literal resolves to itself. */
@FunctionalInterface
interface Resolver {

    Resolver SYSTEM = InetAddress::getAllByName;

    /**
     * @param host a name or an address literal, IPv6 without brackets
     * @throws UnknownHostException if the host has no address
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
