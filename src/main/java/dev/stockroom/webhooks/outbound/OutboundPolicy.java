package dev.stockroom.webhooks.outbound;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What webhook calls may reach, and for how long one may take.
 *
 * @param allowHttp whether plain {@code http} URLs are accepted; {@code https} only when false (the default),
 *     since a webhook carries data and a signature that must not travel in the clear
 * @param allowedNetworks blocks that are reachable although they are private, loopback or otherwise internal
 *     (a partner inside the operator's network, a receiver on the same host in tests); none by default
 * @param timeout the longest one call may take, from opening the connection to the last byte of the response
 *     read, whatever the receiver does
 */
public record OutboundPolicy(boolean allowHttp, List<Cidr> allowedNetworks, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public OutboundPolicy {
        allowedNetworks = List.copyOf(allowedNetworks);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }

    /** https only, no internal network reachable, 15 seconds a call. */
    public static OutboundPolicy defaults() {
        return new OutboundPolicy(false, List.of(), DEFAULT_TIMEOUT);
    }

    /**
     * A policy from configuration values.
     *
     * @param allowedNetworksCsv comma-separated CIDR blocks, such as {@code "127.0.0.1/32, 10.0.0.0/8, ::1/128"};
     *     blank for none
     * @throws IllegalArgumentException naming the entry, if one is not a CIDR block
     */
    public static OutboundPolicy of(boolean allowHttp, String allowedNetworksCsv, Duration timeout) {
        var networks = Arrays.stream(allowedNetworksCsv.split(","))
                .filter(entry -> !entry.isBlank())
                .map(Cidr::parse)
                .toList();
        return new OutboundPolicy(allowHttp, networks, timeout);
    }
}
