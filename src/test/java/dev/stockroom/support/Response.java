package dev.stockroom.support;

import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the service answered. */
public record Response(int status, java.net.http.HttpHeaders headers, String body) {

    Response(HttpResponse<String> response) {
        this(response.statusCode(), response.headers(), response.body());
    }

    public @Nullable String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
        return Api.JSON.readTree(body);
    }

    /** A member of the JSON body by JSON Pointer, as text. */
    public String at(String pointer) {
        return json().at(pointer).asString();
    }

    public String contentType() {
        return String.valueOf(header("Content-Type"));
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
