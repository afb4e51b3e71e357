package dev.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the running service over real HTTP, so tests see exactly what clients see: status, headers
 * and the raw body.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public static final String ADMIN_CLIENT_ID = "test-admin";
    public static final String ADMIN_CLIENT_SECRET = "test-admin-secret-not-for-production";
    private static final Map<String, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final HttpClient http = HTTP;
    private final String base;
    private final @Nullable String token;
    private final boolean admin;
    private final IntSupplier managementPort;

    /** A client acting with the test admin client's token (every scope), fetched on first use. */
    public Api(int port) {
        this(port, () -> -1);
    }

    /**
     * The same, also knowing the management server's port (the actuator: health, metrics, Prometheus), asked for
     * at each use: a paused test context starts a new management server on another free port when resumed.
     */
    public Api(int port, IntSupplier managementPort) {
        this("http://localhost:" + port, null, true, managementPort);
    }

    /** The port the service listens on, for raw sockets and second instances. */
    public int port() {
        return java.net.URI.create(base).getPort();
    }

    private Api(String base, @Nullable String token, boolean admin, IntSupplier managementPort) {
        this.base = base;
        this.token = token;
        this.admin = admin;
        this.managementPort = managementPort;
    }

    /** The service's management server, with no token: it asks for none, and is never exposed outside. */
    public Api management() {
        int port = managementPort.getAsInt();
        if (port <= 0) {
            throw new IllegalStateException("This Api was made without the management port");
        }
        return new Api("http://localhost:" + port, null, false, managementPort);
    }

    /** The metrics as Prometheus scrapes them from the management server, in its text format. */
    public String prometheus() {
        var response = management()
                .get("/actuator/prometheus")
                .header("Accept", "text/plain")
                .send();
        if (response.status() != 200) {
            throw new AssertionError("could not scrape the metrics: " + response);
        }
        return response.body();
    }

    /** Forgets the cached admin tokens, for tests that retire the key that signed them. */
    public static void forgetTokens() {
        ADMIN_TOKENS.clear();
    }

    /** The same service, with no token at all. */
    public Api anonymous() {
        return new Api(base, null, false, managementPort);
    }

    /** The same service, with this access token. */
    public Api withToken(String accessToken) {
        return new Api(base, accessToken, false, managementPort);
    }

    /** The token requests carry, if any. */
    public @Nullable String token() {
        if (admin) {
            return ADMIN_TOKENS.computeIfAbsent(
                    base, ignored -> anonymous().clientToken(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, null));
        }
        return token;
    }

    /** Runs the client credentials grant and answers the access token. */
    public String clientToken(String clientId, String secret, @Nullable String scope) {
        var response = tokenRequest(
                clientId,
                secret,
                "grant_type=client_credentials"
                        + (scope == null
                                ? ""
                                : "&scope="
                                        + java.net.URLEncoder.encode(scope, java.nio.charset.StandardCharsets.UTF_8)));
        if (response.status() != 200) {
            throw new AssertionError("token request failed: " + response);
        }
        return response.at("/access_token");
    }

    /** A raw request to the token endpoint with HTTP Basic client authentication. */
    public Response tokenRequest(String clientId, String secret, String form) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Call("POST", "/oauth2/token", BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
    }

    public String url(String path) {
        return path.startsWith("http") ? path : base + path;
    }

    public Call get(String path) {
        return new Call("GET", path, BodyPublishers.noBody());
    }

    public Call delete(String path) {
        return new Call("DELETE", path, BodyPublishers.noBody());
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, json(body)).header("Content-Type", "application/json");
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, json(body)).header("Content-Type", "application/merge-patch+json");
    }

    public Call request(String method, String path, BodyPublisher body) {
        return new Call(method, path, body);
    }

    private static BodyPublisher json(Object body) {
        return BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    /** One request being built; {@link #send()} performs it. */
    public final class Call {
        private final String method;
        private final String path;
        private final BodyPublisher body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path, BodyPublisher body) {
            this.method = method;
            this.path = path;
            this.body = body;
            headers.put("Accept", "application/json");
            String bearer = token();
            if (bearer != null) {
                headers.put("Authorization", "Bearer " + bearer);
            }
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        public Response send() {
            var builder = HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(builder::header);
            try {
                return new Response(http.send(builder.build(), BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
