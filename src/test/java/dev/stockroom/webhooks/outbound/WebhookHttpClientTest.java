package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against receivers started here, on 127.0.0.1 only. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class WebhookHttpClientTest {

    static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    static final OutboundPolicy LOCAL = OutboundPolicy.of(true, "127.0.0.1/32", Duration.ofSeconds(5));
    static final byte[] EVENT = "{\"type\":\"order.placed\"}".getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> SIGNED = Map.of("Stockroom-Signature", "t=1,v1=abc");

    @Test
    void postsJsonAndSucceedsOn200() throws IOException {
        try (var receiver = new Receiver(exchange -> respond(exchange, 200, "thanks"));
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(200);
            assertThat(outcome.error()).isNull();
            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.retryable()).isFalse();
            assertThat(outcome.bodyExcerpt()).isEqualTo("thanks");
            assertThat(outcome.elapsed()).isPositive();
            var request = receiver.lastRequest.get();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(EVENT);
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("User-Agent")).isEqualTo("Stockroom-Webhooks/1");
            assertThat(request.header("Stockroom-Signature")).isEqualTo("t=1,v1=abc");
        }
    }

    @Test
    void a500IsRetryable() throws IOException {
        try (var receiver = new Receiver(exchange -> respond(exchange, 500, "oops"));
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(500);
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.retryable()).isTrue();
            assertThat(outcome.bodyExcerpt()).isEqualTo("oops");
        }
    }

    @Test
    void a429SaysHowLongToWait() throws IOException {
        try (var receiver = new Receiver(exchange -> {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    respond(exchange, 429, "");
                });
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(429);
            assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(outcome.retryable()).isTrue();
        }
    }

    @Test
    void a503SaysUntilWhenToWait() throws IOException {
        var now = Instant.parse("2026-03-01T12:00:00Z");
        try (var receiver = new Receiver(exchange -> {
                    exchange.getResponseHeaders().add("Retry-After", "Sun, 01 Mar 2026 12:02:00 GMT");
                    respond(exchange, 503, "");
                });
                var client = new WebhookHttpClient(LOCAL, Resolver.SYSTEM, Clock.fixed(now, ZoneOffset.UTC))) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.retryAfter()).isEqualTo(Duration.ofMinutes(2));
            assertThat(outcome.retryable()).isTrue();
        }
    }

    @Test
    void aRetryAfterOnOtherStatusesIsIgnored() throws IOException {
        try (var receiver = new Receiver(exchange -> {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    respond(exchange, 500, "");
                });
                var client = new WebhookHttpClient(LOCAL)) {
            assertThat(client.post(receiver.uri(), SIGNED, EVENT).retryAfter()).isNull();
        }
    }

    @Test
    void a410IsGone() throws IOException {
        try (var receiver = new Receiver(exchange -> respond(exchange, 410, ""));
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.gone()).isTrue();
            assertThat(outcome.retryable()).isFalse();
            assertThat(outcome.succeeded()).isFalse();
        }
    }

    @Test
    void aRedirectIsAnOutcomeAndNotFollowed() throws IOException {
        try (var elsewhere = new Receiver(exchange -> respond(exchange, 200, ""));
                var receiver = new Receiver(exchange -> {
                    exchange.getResponseHeaders()
                            .add("Location", elsewhere.uri().toString());
                    respond(exchange, 302, "");
                });
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(302);
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.retryable()).isFalse();
            assertThat(receiver.requests).hasValue(1);
            assertThat(elsewhere.requests).hasValue(0);
        }
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws IOException {
        var policy = OutboundPolicy.of(true, "127.0.0.1/32", Duration.ofSeconds(1));
        try (var receiver = new Receiver(exchange -> Receiver.hang());
                var client = new WebhookHttpClient(policy)) {
            long start = System.nanoTime();
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);
            var returnedAfter = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.error()).isEqualTo("timeout");
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.retryable()).isTrue();
            assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(3));
            assertThat(returnedAfter).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aReceiverThatKeepsSendingHeadersIsCutOffAtTheDeadline() throws Exception {
        var policy = OutboundPolicy.of(true, "127.0.0.1/32", Duration.ofSeconds(1));
        try (var server = new ServerSocket(0, 1, LOOPBACK);
                var dripping = Executors.newVirtualThreadPerTaskExecutor();
                var client = new WebhookHttpClient(policy)) {
            dripping.submit(() -> drip(server));

            var outcome = client.post(uri(server.getLocalPort()), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("timeout");
            assertThat(outcome.elapsed()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        }
    }

    @Test
    void readsAtMost64KiBOfAHugeBody() throws IOException {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        try (var receiver = new Receiver(exchange -> {
                    exchange.sendResponseHeaders(200, huge.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(huge);
                    }
                });
                var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(200);
            assertThat(outcome.bodyExcerpt()).hasSize(1024).matches("x+");
            assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void dropsTheConnectionOfABodyThatNeverEnds() throws Exception {
        var dropped = new CompletableFuture<Long>();
        try (var receiver = new Receiver(exchange -> {
                    exchange.sendResponseHeaders(200, 0); // chunked, no end
                    long written = 0;
                    byte[] chunk = new byte[8192];
                    try (OutputStream out = exchange.getResponseBody()) {
                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (System.nanoTime() < until) {
                            out.write(chunk);
                            written += chunk.length;
                        }
                    } catch (IOException connectionGone) {
                        dropped.complete(written);
                    }
                });
                var client = new WebhookHttpClient(LOCAL)) {
            long start = System.nanoTime();
            var outcome = client.post(receiver.uri(), SIGNED, EVENT);
            var returnedAfter = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.statusCode()).isEqualTo(200);
            assertThat(returnedAfter).isLessThan(Duration.ofSeconds(3));
            assertThat(outcome.elapsed()).isLessThanOrEqualTo(returnedAfter);
            assertThat(dropped.get(3, TimeUnit.SECONDS)).isGreaterThan(64 * 1024);
        }
    }

    @Test
    void neverConnectsToAForbiddenAddressLiteral() throws IOException {
        var httpOnly = OutboundPolicy.of(true, "", Duration.ofSeconds(5));
        try (var server = new ServerSocket(0, 50, LOOPBACK);
                var client = new WebhookHttpClient(httpOnly)) {
            var outcome = client.post(uri(server.getLocalPort()), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("forbidden address");
            assertThat(outcome.retryable()).isFalse();
            assertNoConnection(server);
        }
    }

    @Test
    void neverConnectsToAForbiddenIpv6Literal() {
        var httpOnly = OutboundPolicy.of(true, "", Duration.ofSeconds(5));
        try (var client = new WebhookHttpClient(httpOnly)) {
            var outcome = client.post(URI.create("http://[::1]:9/hooks"), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("forbidden address");
        }
    }

    @Test
    void neverConnectsToANameThatResolvesToLoopback() throws IOException {
        var httpOnly = OutboundPolicy.of(true, "", Duration.ofSeconds(5));
        var dns = WebhookUrlsTest.fakeDns(Map.of("rebind.example", new String[] {"127.0.0.1"}));
        try (var server = new ServerSocket(0, 50, LOOPBACK);
                var client = new WebhookHttpClient(httpOnly, dns, Clock.systemUTC())) {
            var outcome =
                    client.post(URI.create("http://rebind.example:" + server.getLocalPort() + "/hooks"), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("forbidden address");
            assertNoConnection(server);
        }
    }

    @Test
    void connectsToTheAddressesItCheckedAndNoOthers() throws IOException {
        var dns = WebhookUrlsTest.fakeDns(Map.of("partner.example", new String[] {"127.0.0.1"}));
        try (var receiver = new Receiver(exchange -> respond(exchange, 204, ""));
                var client = new WebhookHttpClient(LOCAL, dns, Clock.systemUTC())) {
            var outcome =
                    client.post(URI.create("http://partner.example:" + receiver.port() + "/hooks"), SIGNED, EVENT);

            assertThat(outcome.statusCode()).isEqualTo(204);
            assertThat(receiver.lastRequest.get().header("Host")).isEqualTo("partner.example:" + receiver.port());
        }
    }

    @Test
    void refusesAnHttpUrlWhenThePolicyWantsHttps() throws IOException {
        var httpsOnly = OutboundPolicy.of(false, "127.0.0.1/32", Duration.ofSeconds(5));
        try (var server = new ServerSocket(0, 50, LOOPBACK);
                var client = new WebhookHttpClient(httpsOnly)) {
            var outcome = client.post(uri(server.getLocalPort()), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("forbidden url");
            assertThat(outcome.retryable()).isFalse();
            assertNoConnection(server);
        }
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int port;
        try (var server = new ServerSocket(0, 1, LOOPBACK)) {
            port = server.getLocalPort();
        }
        try (var client = new WebhookHttpClient(LOCAL)) {
            var outcome = client.post(uri(port), SIGNED, EVENT);

            assertThat(outcome.error()).isEqualTo("connection refused");
            assertThat(outcome.retryable()).isTrue();
        }
    }

    @Test
    void headersTheClientSetsCannotBeSent() {
        try (var client = new WebhookHttpClient(LOCAL)) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.post(uri(9), Map.of("Content-Length", "1"), EVENT));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.post(uri(9), Map.of("Host", "internal"), EVENT));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> client.post(uri(9), Map.of("X-Evil", "a\r\nHost: internal"), EVENT));
        }
    }

    @Test
    void anExcerptIsShortAndPrintable() {
        assertThat(WebhookHttpClient.excerpt("é".repeat(2000).getBytes(StandardCharsets.UTF_8)))
                .hasSize(1024);
        assertThat(WebhookHttpClient.excerpt("a\u0000b\u001bc\nd".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a b c\nd");
        assertThat(WebhookHttpClient.excerpt(new byte[0])).isEmpty();
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/hooks");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Nothing reached the server: no connection waits to be accepted. */
    private static void assertNoConnection(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }

    /** Answers a status line, then one header line every 200 ms, for at most 5 seconds. */
    private static Void drip(ServerSocket server) throws IOException, InterruptedException {
        try (var socket = server.accept()) {
            var out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 25; i++) {
                out.write(("X-Drip-" + i + ": .\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException dropped) {
            // the client hung up, as it should
        }
        return null;
    }

    record Request(String method, Map<String, java.util.List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An HTTP server on 127.0.0.1 that counts requests and keeps the last one. */
    static final class Receiver implements AutoCloseable {

        private static final CountDownLatch NEVER = new CountDownLatch(1);

        final AtomicInteger requests = new AtomicInteger();
        final AtomicReference<Request> lastRequest = new AtomicReference<>();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        Receiver(HttpHandler handler) throws IOException {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                lastRequest.set(new Request(
                        exchange.getRequestMethod(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes()));
                handler.handle(exchange);
            });
            server.start();
        }

        /** Blocks the handler until the test's JVM ends (its thread is virtual, and interrupted on close). */
        static void hang() {
            try {
                NEVER.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI uri() {
            return WebhookHttpClientTest.uri(port());
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
