package dev.stockroom.webhooks.outbound;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation: {@code 10.0.0.0/8}, {@code fd00::/8}, or a single address ({@code
 * 127.0.0.1}, the same as {@code 127.0.0.1/32}). The network address must have no bits set past the prefix:
 * {@code 10.1.2.3/8} is refused rather than read as {@code 10.0.0.0/8}, since it is more likely a typo for a
 * narrower block than a wish to open the wider one.
 *
 * <p>IPv4 addresses written in IPv6 form ({@code ::ffff:10.0.0.0}) are IPv4 blocks, as Java reads them; a block
 * contains only addresses of its own family.
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        byte[] bytes = network.getAddress();
        int bits = bytes.length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + bits + ", not " + prefixLength);
        }
        for (int bit = prefixLength; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("the network address " + network.getHostAddress()
                        + " has bits set past the prefix length " + prefixLength);
            }
        }
    }

    /**
     * Reads {@code address/prefix} or a single address literal; never looks a name up.
     *
     * @throws IllegalArgumentException naming the text, if it is not such a block
     */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String prefix = slash < 0 ? null : trimmed.substring(slash + 1);
        try {
            InetAddress network = InetAddress.ofLiteral(address);
            if (prefix == null) {
                return new Cidr(network, network.getAddress().length * 8);
            }
            if (!prefix.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("the prefix length must be a number");
            }
            return new Cidr(network, Integer.parseInt(prefix));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not a CIDR block such as 10.0.0.0/8 or fd00::/8: " + invalid.getMessage(),
                    invalid);
        }
    }

    /** Whether the address is inside this block; an address of the other family never is. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] bytes = network.getAddress();
        if (candidate.length != bytes.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != bytes[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[whole] & mask) == (bytes[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
