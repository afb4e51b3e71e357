package dev.stockroom.webhooks.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The check against server-side request forgery made when {@link WebhookHttpClient} connects, twice over.
 *
 * <p>As the client's {@link DnsResolver} it resolves the host, literal addresses included, and refuses the
 * whole call if any address is forbidden. The client connects to exactly the addresses returned, so there is no
 * second lookup a rebinding DNS server could answer differently.
 *
 * <p>As its socket factory it makes sockets that refuse to connect to a forbidden address whatever path the
 * address took, and that never go through a SOCKS proxy named in system properties.
 */
final class AddressGuard implements DnsResolver, DetachedSocketFactory {

    private final AddressPolicy policy;
    private final Resolver resolver;

    AddressGuard(AddressPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = WebhookUrls.bareHost(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (IllegalArgumentException malformed) {
            throw new UnknownHostException(bare);
        }
        if (addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress address : addresses) {
            if (policy.isForbidden(address)) {
                throw new ForbiddenAddress(bare);
            }
        }
        return addresses.clone();
    }

    /** Never looked up: the name is used as given, and a reverse lookup is of no use here. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    @Override
    public Socket create(@Nullable Proxy proxy) {
        return new GuardedSocket(policy);
    }

    /** A host that resolves to a forbidden address. An {@link UnknownHostException}, so DNS code passes it on. */
    static final class ForbiddenAddress extends UnknownHostException {

        ForbiddenAddress(String host) {
            super(host + " resolves to a forbidden address");
        }
    }

    private static final class GuardedSocket extends Socket {

        private final AddressPolicy policy;

        GuardedSocket(AddressPolicy policy) {
            super(Proxy.NO_PROXY);
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress inet) || inet.getAddress() == null) {
                throw new UnknownHostException(String.valueOf(endpoint));
            }
            if (policy.isForbidden(inet.getAddress())) {
                throw new ForbiddenAddress(inet.getHostString());
            }
            super.connect(endpoint, timeout);
        }
    }
}
