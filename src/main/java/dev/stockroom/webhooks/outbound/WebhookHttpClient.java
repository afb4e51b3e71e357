package dev.stockroom.webhooks.outbound;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The one HTTP client that sends webhooks (Apache HttpClient 5, classic, blocking: meant for virtual threads).
 * Every call is a JSON {@code POST} that ends, whatever the receiver does, within the policy's timeout, and
 * reaches only addresses the policy allows: the host is resolved and checked when the connection is made
 * ({@link AddressGuard}), for address literals as for names. No redirect is followed (a 3xx is an outcome like
 * any other), no proxy is used, nothing is retried here (the caller decides, from {@link Outcome#retryable()}),
 * and at most {@value #MAX_BODY_BYTES} bytes of a response are read.
 *
 * <p>The connection manager is built from HttpClient's own operator and pool, named as internal there, because
 * its builder offers no way to choose the sockets: plain {@code java.net.Socket}s follow a SOCKS proxy set in
 * system properties, and these must not.
 */
public final class WebhookHttpClient implements AutoCloseable {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_EXCERPT_CHARS = 1024;
    static final String USER_AGENT = "Stockroom-Webhooks/1";

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> RESERVED_HEADERS =
            Set.of("host", "content-length", "content-type", "transfer-encoding", "connection", "expect");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Pattern FIELD_VALUE = Pattern.compile("[\\t\\x20-\\x7e\\x80-\\xff]{0,8192}");

    private final OutboundPolicy policy;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor deadlines;

    public WebhookHttpClient(OutboundPolicy policy) {
        this(policy, Resolver.SYSTEM, Clock.systemUTC());
    }

    WebhookHttpClient(OutboundPolicy policy, Resolver resolver, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        var timeout = Timeout.of(policy.timeout());
        var connectTimeout = Timeout.of(
                policy.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? policy.timeout() : MAX_CONNECT_TIMEOUT);
        var guard = new AddressGuard(AddressPolicy.of(policy), resolver);
        var connections = new PoolingHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(
                        guard,
                        DefaultSchemePortResolver.INSTANCE,
                        guard,
                        RegistryBuilder.<TlsSocketStrategy>create()
                                .register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault())
                                .build()),
                PoolConcurrencyPolicy.STRICT,
                PoolReusePolicy.LIFO,
                TimeValue.NEG_ONE_MILLISECOND,
                null);
        connections.setMaxTotal(200);
        connections.setDefaultMaxPerRoute(20);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(timeout)
                .setTimeToLive(TimeValue.ofMinutes(1))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build());
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * Posts a JSON body; blocks until the response status and at most {@value #MAX_BODY_BYTES} bytes of its body
     * have been read, or the policy's timeout has passed.
     *
     * @param headers added to the request (a signature, an event id); the client sets {@code Host}, {@code
     *     Content-Type}, {@code Content-Length} and the connection headers itself
     * @throws IllegalArgumentException if a header is one of those, or not a valid name and value
     */
    public Outcome post(URI url, Map<String, String> headers, byte[] body) {
        headers.forEach(WebhookHttpClient::checkHeader);
        long start = System.nanoTime();
        if (WebhookUrls.checkShape(url, policy).isPresent()) {
            return Outcome.failed(Outcome.FORBIDDEN_URL, since(start));
        }
        var request = new HttpPost(url);
        headers.forEach(request::addHeader);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        var deadlinePassed = new AtomicBoolean();
        var deadline = deadlines.schedule(
                () -> {
                    deadlinePassed.set(true);
                    request.cancel();
                },
                policy.timeout().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            int status = response.getCode();
            Duration retryAfter = status == 429 || status == 503 ? retryAfter(response) : null;
            byte[] answer;
            try {
                answer = readBody(response, request);
            } finally {
                closeQuietly(response);
            }
            return Outcome.responded(status, retryAfter, excerpt(answer), since(start));
        } catch (IOException failure) {
            return Outcome.failed(errorOf(failure, deadlinePassed.get()), since(start));
        } finally {
            deadline.cancel(false);
        }
    }

    private @Nullable Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        return RetryAfter.parse(header == null ? null : header.getValue(), clock.instant());
    }

    /**
     * At most {@value #MAX_BODY_BYTES} bytes of the body. A body that does not end there, or breaks off, costs
     * the connection: closing the response would read the rest of it.
     */
    private static byte[] readBody(ClassicHttpResponse response, HttpPost request) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        try {
            byte[] body = entity.getContent().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            request.cancel();
            return Arrays.copyOf(body, MAX_BODY_BYTES);
        } catch (IOException cutShort) {
            request.cancel(); // the status is what counts; the body is only for diagnostics
            return new byte[0];
        }
    }

    /** The start of the body as UTF-8 text, control characters but line breaks and tabs made spaces. */
    static String excerpt(byte[] body) {
        int length = Math.min(body.length, MAX_EXCERPT_CHARS * 4);
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        if (text.length() > MAX_EXCERPT_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_EXCERPT_CHARS - 1))
                    ? MAX_EXCERPT_CHARS - 1
                    : MAX_EXCERPT_CHARS;
            text = text.substring(0, end);
        }
        var excerpt = new StringBuilder(text.length());
        text.chars()
                .forEach(c -> excerpt.append(
                        (char) (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? ' ' : c)));
        return excerpt.toString();
    }

    private static String errorOf(IOException failure, boolean deadlinePassed) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressGuard.ForbiddenAddress) {
                return Outcome.FORBIDDEN_ADDRESS;
            }
        }
        if (deadlinePassed || failure instanceof InterruptedIOException) {
            return Outcome.TIMEOUT; // socket, connect and pool timeouts are all InterruptedIOExceptions
        }
        if (failure instanceof ConnectException) {
            return Outcome.CONNECTION_REFUSED;
        }
        if (failure instanceof UnknownHostException) {
            return Outcome.UNKNOWN_HOST;
        }
        if (failure instanceof SSLException) {
            return Outcome.TLS_ERROR;
        }
        return Outcome.CONNECTION_ERROR;
    }

    private static void checkHeader(String name, String value) {
        if (!TOKEN.matcher(name).matches() || !FIELD_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid header: " + name);
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is set by the client");
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Closes every connection and stops the deadline timer; calls in progress end with an error. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
    }
}
