package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each of the two connection-time checks on its own; {@link WebhookHttpClientTest} has them together. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressGuardTest {

    static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    static final Resolver DNS = WebhookUrlsTest.fakeDns(Map.of(
            "partner.example", new String[] {"93.184.216.34"},
            "half-internal.example", new String[] {"93.184.216.34", "10.0.0.7"}));

    @Test
    void resolvesToTheAddressesOfTheName() throws UnknownHostException {
        var guard = new AddressGuard(new AddressPolicy(List.of()), DNS);

        assertThat(guard.resolve("partner.example")).containsExactly(InetAddress.ofLiteral("93.184.216.34"));
        assertThat(guard.resolve("[2606:4700::1111]")).containsExactly(InetAddress.ofLiteral("2606:4700::1111"));
    }

    @Test
    void refusesANameWithAnyForbiddenAddress() {
        var guard = new AddressGuard(new AddressPolicy(List.of()), DNS);

        assertThatThrownBy(() -> guard.resolve("half-internal.example"))
                .isInstanceOf(AddressGuard.ForbiddenAddress.class);
        assertThatThrownBy(() -> guard.resolve("127.0.0.1")).isInstanceOf(AddressGuard.ForbiddenAddress.class);
        assertThatThrownBy(() -> guard.resolve("nowhere.example"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(AddressGuard.ForbiddenAddress.class);
    }

    @Test
    void itsSocketsRefuseAForbiddenAddressHoweverItCame() throws IOException {
        var guard = new AddressGuard(new AddressPolicy(List.of()), DNS);
        try (var server = new ServerSocket(0, 50, LOOPBACK);
                var socket = guard.create(null)) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 1000))
                    .isInstanceOf(AddressGuard.ForbiddenAddress.class);
            assertNoConnection(server);
        }
    }

    @Test
    void itsSocketsGoStraightToTheAddressNotThroughASocksProxy() throws IOException {
        var guard = new AddressGuard(new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32"))), DNS);
        var properties = Map.of("socksProxyHost", "127.0.0.1", "socksNonProxyHosts", "");
        try (var target = new ServerSocket(0, 50, LOOPBACK);
                var proxy = new ServerSocket(0, 50, LOOPBACK)) {
            try {
                properties.forEach(System::setProperty);
                System.setProperty("socksProxyPort", String.valueOf(proxy.getLocalPort()));
                try (var socket = guard.create(null)) {
                    socket.connect(new InetSocketAddress(LOOPBACK, target.getLocalPort()), 1000);
                }
            } finally {
                properties.keySet().forEach(System::clearProperty);
                System.clearProperty("socksProxyPort");
            }
            target.setSoTimeout(1000);
            try (var accepted = target.accept()) {
                assertThat(accepted.isConnected()).isTrue();
            }
            assertNoConnection(proxy);
        }
    }

    static void assertNoConnection(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
}
