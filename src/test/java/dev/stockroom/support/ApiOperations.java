package dev.stockroom.support;

import tools.jackson.databind.JsonNode;

/** The operations of the published contract under {@code /v1}, for suites that walk every one of them. */
public final class ApiOperations {

    private ApiOperations() {}

    /** What a suite does with one operation: its method in upper case, its path template, its OpenAPI object. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String method, String path, JsonNode operation);
    }

    /** The service's own OpenAPI document, as it serves it. */
    public static JsonNode spec(Api api) {
        return api.anonymous().get("/openapi.json").send().json();
    }

    public static void forEach(JsonNode spec, Visitor visitor) {
        spec.get("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/v1")) {
                path.getValue()
                        .properties()
                        .forEach(operation ->
                                visitor.visit(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        });
    }
}
