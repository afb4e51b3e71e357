package dev.stockroom.webhooks.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a URL may be registered to receive webhooks: an absolute {@code https} URL (or {@code http}, if the
 * policy allows it) with a host, no user info, no fragment, at most {@value #MAX_LENGTH} characters, whose host
 * resolves, and only to addresses a call may reach.
 *
 * <p>The address check here tells a partner at once that the URL cannot work; it does not protect, since the
 * name may resolve elsewhere by the time a call is made. {@link WebhookHttpClient} checks again at connection
 * time.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /**
     * Checks a URL against the policy, resolving its host with the system's DNS.
     *
     * @return why the URL is refused, as the detail of a 422 on the URL field ("must use https"); empty if it
     *     is accepted
     */
    public static Optional<String> check(String url, OutboundPolicy policy) {
        return check(url, policy, Resolver.SYSTEM);
    }

    static Optional<String> check(String url, OutboundPolicy policy, Resolver resolver) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException invalid) {
            return Optional.of("must be a valid URL");
        }
        return checkShape(uri, policy).or(() -> checkAddresses(uri, policy, resolver));
    }

    /** Every rule but the one on addresses, which needs the host resolved. */
    static Optional<String> checkShape(URI uri, OutboundPolicy policy) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowHttp())) {
            return Optional.of(policy.allowHttp() ? "must use http or https" : "must use https");
        }
        if (uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            return Optional.of("must have a port between 1 and 65535");
        }
        return Optional.empty();
    }

    private static Optional<String> checkAddresses(URI uri, OutboundPolicy policy, Resolver resolver) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost(Objects.requireNonNull(uri.getHost())));
        } catch (UnknownHostException | IllegalArgumentException unknown) {
            return Optional.of("host cannot be resolved");
        }
        if (addresses.length == 0) {
            return Optional.of("host cannot be resolved");
        }
        var addressPolicy = AddressPolicy.of(policy);
        if (Arrays.stream(addresses).anyMatch(addressPolicy::isForbidden)) {
            return Optional.of("must not point to a private, loopback or link-local address");
        }
        return Optional.empty();
    }

    /** The host as a resolver takes it: an IPv6 literal without its brackets. */
    static String bareHost(String host) {
        return host.length() > 1 && host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }
}
