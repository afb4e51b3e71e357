package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiOperations;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.RawHttp;
import dev.stockroom.support.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the published contract and feeds each of its inputs the values an attacker would:
 * huge and tiny exponents, far dates, NUL and other control characters, invalid UTF-8, lone surrogates and
 * overlong strings. Each must answer a fast 422 naming the input (parameter or pointer), never a 5xx, a 409, a
 * slow answer or a stored {@code ?}. An input added to the contract later is walked too.
 */
@ApiTest
class HostileInputSuiteIT {

    /**
     * Far above a refusal's cost (microseconds), far below the ten seconds to forever the attacks used to take;
     * the margin is for a loaded build machine.
     */
    private static final long FAST_MILLIS = 3_000;

    /** Percent-encoded values no parameter of any type may carry. */
    private static final Map<String, String> HOSTILE_TEXT = Map.of(
            "%00",
            "invalid_characters",
            "a%01b",
            "invalid_characters",
            "%7F",
            "invalid_characters",
            "%FF",
            "invalid_encoding",
            "%C3%28",
            "invalid_encoding",
            "%ED%A0%80",
            "invalid_encoding",
            "a%",
            "invalid_encoding",
            "%zz",
            "invalid_encoding",
            "a".repeat(5_000),
            "too_long");

    /** Not a number of any type here: exponents that expand to a billion digits, 61 integer digits. */
    private static final List<String> HOSTILE_NUMBERS =
            List.of("1e999999999", "1e-100000000", "-1e999999999", "1" + "0".repeat(60));

    private static final List<String> HOSTILE_DATE_TIMES = List.of(
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z");

    /** JSON texts no string member may hold: NUL, another control character, lone surrogates. */
    private static final List<String> HOSTILE_JSON_STRINGS =
            List.of("\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\ud800\"", "\"x\\udc00\"");

    private static final List<String> HOSTILE_JSON_NUMBERS = List.of("1e999999999", "1e-100000000", "-1e999999999");

    @Autowired
    Api api;

    JsonNode spec;

    @BeforeEach
    void setUp() {
        spec = ApiOperations.spec(api);
    }

    @Test
    void everyQueryParameterRefusesHostileValuesFastWith422NamingIt() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.path("in").asString().equals("query")) {
                    continue;
                }
                String name = parameter.path("name").asString();
                JsonNode schema = parameter.path("schema");
                var values = new ArrayList<>(HOSTILE_TEXT.keySet());
                switch (schema.path("type").asString()) {
                    case "number", "integer", "boolean" -> values.addAll(HOSTILE_NUMBERS);
                    default -> {
                        if (schema.path("format").asString().equals("date-time")) {
                            values.addAll(HOSTILE_DATE_TIMES);
                        } else if (schema.path("format").asString().equals("uuid")) {
                            values.addAll(HOSTILE_NUMBERS);
                        }
                    }
                }
                for (String value : values) {
                    String target = concrete(path) + "?" + name + "=" + value;
                    expectRefusal(method, target, List.of(), body(operation), "parameter", name, wrong);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** A malformed id names no resource (404); one the server cannot even decode is a bad request (400). */
    @Test
    void everyPathParameterAnswersHostileValuesFastWithAProblemNeverAnError() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.path("in").asString().equals("path")) {
                    continue;
                }
                String name = "{" + parameter.path("name").asString() + "}";
                for (String value : List.of("%00", "%FF", "%ED%A0%80", "1e999999999", "a".repeat(5_000), "..%2F..")) {
                    String target = concrete(path.replace(name, value));
                    var headers = new ArrayList<>(List.of("Authorization: Bearer " + api.token()));
                    byte[] body = body(operation);
                    if (body.length > 0) {
                        headers.add("Content-Type: application/json");
                    }
                    long started = System.nanoTime();
                    Response response = RawHttp.send(api.port(), method, target, headers, body);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if ((response.status() != 404 && response.status() != 400)
                            || !response.contentType().startsWith("application/problem+json")
                            || millis > FAST_MILLIS) {
                        wrong.add(method + " " + shorten(target) + " -> " + response.status() + " in " + millis + " ms "
                                + shorten(response.body()));
                    }
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationRefusesHostileUndeclaredParametersToo() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            for (String value : List.of("%00", "%FF", "a".repeat(5_000))) {
                String target = concrete(path) + "?undeclared=" + value;
                expectRefusal(method, target, List.of(), body(operation), "parameter", "undeclared", wrong);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyHeaderParameterRefusesAnOverlongValueFastWith422NamingIt() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asString().equals("header")) {
                    String name = parameter.path("name").asString();
                    var header = List.of(name + ": \"" + "7".repeat(2_000) + "\"");
                    expectRefusal(method, concrete(path), header, body(operation), "parameter", name, wrong);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyBodyMemberRefusesHostileValuesFastWith422PointingAtIt() {
        var wrong = new ArrayList<String>();
        forEachOperation((method, path, operation) -> {
            JsonNode schema = operation
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            forEachLeaf(resolve(schema), "", (pointer, leaf) -> {
                boolean number = leaf.path("type").asString().equals("number")
                        || leaf.path("type").asString().equals("integer")
                        || leaf.path("type").asString().equals("boolean");
                for (String hostile : number ? HOSTILE_JSON_NUMBERS : HOSTILE_JSON_STRINGS) {
                    String json = Api.JSON
                            .writeValueAsString(bodyWith(pointer, "HOSTILE"))
                            .replace("\"HOSTILE\"", hostile);
                    expectRefusal(
                            method,
                            concrete(path),
                            List.of("Content-Type: application/json"),
                            json.getBytes(StandardCharsets.UTF_8),
                            "pointer",
                            pointer,
                            wrong);
                }
            });
        });
        assertThat(wrong).isEmpty();
    }

    private void expectRefusal(
            String method,
            String target,
            List<String> headers,
            byte[] body,
            String location,
            String name,
            List<String> wrong) {
        var allHeaders = new ArrayList<>(headers);
        allHeaders.add("Authorization: Bearer " + api.token());
        if (body.length > 0 && headers.stream().noneMatch(h -> h.startsWith("Content-Type"))) {
            allHeaders.add("Content-Type: application/json");
        }
        long started = System.nanoTime();
        Response response = RawHttp.send(api.port(), method, target, allHeaders, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String what = method + " " + shorten(target) + " " + shorten(new String(body, StandardCharsets.UTF_8));
        if (response.status() != 422 || !response.contentType().startsWith("application/problem+json")) {
            wrong.add(what + " -> " + response.status() + " " + shorten(response.body()));
        } else if (!names(response, location).contains(name)) {
            wrong.add(what + " -> 422 without " + location + " " + name + ": " + shorten(response.body()));
        } else if (millis > FAST_MILLIS) {
            wrong.add(what + " -> took " + millis + " ms");
        }
    }

    private static List<String> names(Response response, String location) {
        var names = new ArrayList<String>();
        for (JsonNode error : response.json().path("errors")) {
            names.add(error.path(location).asString());
        }
        return names;
    }

    /** A body that is valid JSON for the operation's shape, or none: hostile parameters must not depend on it. */
    private static byte[] body(JsonNode operation) {
        return operation.has("requestBody") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return spec.at(ref.substring(1));
    }

    /** Every string, number, integer and boolean member reachable through objects and arrays, by pointer. */
    private void forEachLeaf(JsonNode schema, String pointer, LeafVisitor visitor) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("properties")) {
            resolved.path("properties")
                    .properties()
                    .forEach(member -> forEachLeaf(member.getValue(), pointer + "/" + member.getKey(), visitor));
        } else if (resolved.path("type").asString().equals("array")) {
            forEachLeaf(resolved.path("items"), pointer + "/0", visitor);
        } else if (!pointer.isEmpty()) {
            visitor.visit(pointer, resolved);
        }
    }

    /** The smallest JSON document that has {@code value} at {@code pointer} (numeric segments are array indexes). */
    private static Object bodyWith(String pointer, String value) {
        String[] segments = pointer.substring(1).split("/");
        @Nullable Object node = value;
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].matches("\\d+")) {
                node = List.of(node);
            } else {
                ObjectNode object = Api.JSON.createObjectNode();
                object.putPOJO(segments[i], node);
                node = object;
            }
        }
        return node;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private void forEachOperation(ApiOperations.Visitor visitor) {
        ApiOperations.forEach(spec, visitor);
    }

    @FunctionalInterface
    private interface LeafVisitor {
        void visit(String pointer, JsonNode schema);
    }
}
