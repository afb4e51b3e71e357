package dev.stockroom.webhooks.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which addresses a webhook call must not reach: everything that is not the public internet, where the
 * operator's own services live (loopback, private and carrier-grade NAT networks, link-local including the
 * cloud metadata address 169.254.169.254, multicast, reserved). IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to. The allowed networks of the
 * policy come first: an address inside one is never forbidden.
 */
final class AddressPolicy {

    private static final List<Cidr> FORBIDDEN = Stream.of(
                    "0.0.0.0/8", // "this network", with the unspecified address 0.0.0.0
                    "10.0.0.0/8",
                    "100.64.0.0/10", // carrier-grade NAT
                    "127.0.0.0/8",
                    "169.254.0.0/16",
                    "172.16.0.0/12",
                    "192.168.0.0/16",
                    "224.0.0.0/4", // multicast
                    "240.0.0.0/4", // reserved, with the broadcast address 255.255.255.255
                    "::/128",
                    "::1/128",
                    "fe80::/10",
                    "fec0::/10", // site-local, deprecated but still routed by some stacks
                    "fc00::/7", // unique local
                    "ff00::/8", // multicast
                    "64:ff9b:1::/48") // NAT64 for local use, where the IPv4 address may sit anywhere
            .map(Cidr::parse)
            .toList();

    private final List<Cidr> allowed;

    AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    static AddressPolicy of(OutboundPolicy policy) {
        return new AddressPolicy(policy.allowedNetworks());
    }

    boolean isForbidden(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return false;
        }
        if (FORBIDDEN.stream().anyMatch(network -> network.contains(address))) {
            return true;
        }
        return embeddedIpv4(address).map(this::isForbidden).orElse(false);
    }

    /** The IPv4 address an IPv6 address stands for, where it has one the connection would lead to. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        if (zero(bytes, 0, 10) && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
            return ipv4(bytes, 12, false); // mapped, ::ffff:a.b.c.d
        }
        if (zero(bytes, 0, 12)) {
            return ipv4(bytes, 12, false); // compatible, ::a.b.c.d
        }
        if (bytes[0] == 0
                && bytes[1] == 0x64
                && bytes[2] == (byte) 0xff
                && bytes[3] == (byte) 0x9b
                && zero(bytes, 4, 12)) {
            return ipv4(bytes, 12, false); // NAT64, 64:ff9b::a.b.c.d
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return ipv4(bytes, 2, false); // 6to4, 2002:aabb:ccdd::
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
            return ipv4(bytes, 12, true); // Teredo, the client's address inverted in the last 32 bits
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> ipv4(byte[] bytes, int from, boolean inverted) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (inverted ? ~bytes[from + i] : bytes[from + i]);
        }
        try {
            return Optional.of(InetAddress.getByAddress(ipv4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
