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
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the running service over real HTTP, so tests see exactly what clients see: status, headers
 * and the raw body.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
