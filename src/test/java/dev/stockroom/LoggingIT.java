package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.ServiceProcess;
import dev.stockroom.support.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The log lines of the service run as its own process with JSON logs ({@code STOCKROOM_LOG_FORMAT=json}), and
 * DEBUG logging for its own code and Spring Security so that as much as possible is written: every line of a
 * request names the request, its trace and the caller, and no line ever holds a secret.
 */
class LoggingIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    static ServiceProcess process;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        var arguments = new ArrayList<>(List.of(Webhooks.arguments()));
        arguments.add("--logging.level.dev.stockroom=DEBUG");
        arguments.add("--logging.level.org.springframework.security=DEBUG");
        process = ServiceProcess.start(arguments.toArray(String[]::new));
        api = process.api();
    }

    @AfterAll
    static void stop() {
        process.close();
    }

    @Test
    void everyLineOfARequestCarriesItsIdItsTraceAndTheCaller() throws Exception {
        String requestId = "log-request-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        var response = api.get("/test/slow?millis=1")
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .send();
        assertThat(response.status()).isEqualTo(200);
        process.awaitLogLine(requestId);

        List<JsonNode> lines = linesOf(requestId);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("trace_id").asString("")).as(line.toString()).isEqualTo(traceId);
            assertThat(line.path("span_id").asString("")).as(line.toString()).matches("[0-9a-f]{16}");
            assertThat(line.has("traceId") || line.has("spanId")).isFalse();
        });
        var slow = lines.stream()
                .filter(line -> line.path("message").asString("").startsWith("Slow request started"))
                .findFirst()
                .orElseThrow();
        assertThat(slow.path("principal").asString("")).isEqualTo(Api.ADMIN_CLIENT_ID);
    }

    @Test
    void aV1RequestsLinesNameTheCallerOnceItIsAuthenticated() throws Exception {
        String requestId = "log-v1-" + UUID.randomUUID();

        assertThat(api.get("/v1/products")
                        .header("X-Request-Id", requestId)
                        .send()
                        .status())
                .isEqualTo(200);
        process.awaitLogLine(requestId);

        var lines = linesOf(requestId);
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line.path("message").asString("")).startsWith("Securing GET /v1/products"));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString("")).startsWith("Secured GET /v1/products");
            assertThat(line.path("principal").asString("")).isEqualTo(Api.ADMIN_CLIENT_ID);
        });
    }

    @Test
    void noSecretEverReachesTheLog() throws Exception {
        var secrets = new LinkedHashMap<String, String>();

        var client = api.post("/v1/clients", Map.of("name", "Log scan client", "scopes", List.of("products:read")))
                .send();
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        String clientId = client.at("/client_id");
        String clientSecret = client.at("/client_secret");
        secrets.put("client secret", clientSecret);
        secrets.put("client credentials (HTTP Basic)", basic(clientId, clientSecret));

        String token = api.anonymous().clientToken(clientId, clientSecret, null);
        secrets.put("access token", token);
        secrets.put("access token signature", token.substring(token.lastIndexOf('.') + 1));
        assertThat(api.anonymous().withToken(token).get("/v1/products").send().status())
                .isEqualTo(200);
        assertThat(api.anonymous()
                        .tokenRequest(clientId, clientSecret + "-wrong", "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
        secrets.put("wrong client secret", clientSecret + "-wrong");

        String password = "log-scan-password-" + UUID.randomUUID();
        var user = api.post(
                        "/v1/users",
                        Map.of(
                                "email",
                                "log-scan-" + UUID.randomUUID() + "@example.com",
                                "password",
                                password,
                                "role",
                                "viewer"))
                .send();
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        secrets.put("user password", password);

        var webhooks = new Webhooks(api);
        try (var receiver = Receiver.answering(200)) {
            var subscription = webhooks.subscribe(receiver, "product.created");
            putWebhookSecret(secrets, "webhook secret", subscription.at("/secret"));
            var rotated = api.post("/v1/webhook-subscriptions/" + subscription.at("/id") + "/secret-rotation", "")
                    .send();
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            putWebhookSecret(secrets, "rotated webhook secret", rotated.at("/secret"));

            ProductData.create(api, ProductData.aWidget());
            assertThat(receiver.await(1, SOON)).hasSize(1);
        } finally {
            webhooks.cleanUp();
        }
        secrets.put("bootstrap admin client secret", Api.ADMIN_CLIENT_SECRET);
        secrets.put("bootstrap admin password", "test-admin-password-1234");
        secrets.put("signing key secret", "test-signing-key-secret");
        Webhooks.sleep(500); // the last lines of the delivery

        String log = process.log();
        // The scan means something only if the flows were logged in detail: Spring Security's DEBUG lines about
        // the requests that carried each secret, and our own code's lines.
        var lines = log.lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.contains("\"level\":\"DEBUG\""))
                .hasSizeGreaterThan(20)
                .anySatisfy(line -> assertThat(line).contains("\"logger\":\"org.springframework.security"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"logger\":\"dev.stockroom"));
        secrets.forEach((what, secret) -> assertThat(log.lines().filter(line -> line.contains(secret)))
                .as("log lines with the %s", what)
                .isEmpty());
    }

    private static void putWebhookSecret(Map<String, String> secrets, String what, String secret) {
        assertThat(secret).startsWith("whsec_");
        secrets.put(what, secret);
        secrets.put(what + " (key)", secret.substring("whsec_".length()));
    }

    private static String basic(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> linesOf(String requestId) {
        return jsonLines()
                .filter(line -> requestId.equals(line.path("request_id").asString("")))
                .toList();
    }

    private static Stream<JsonNode> jsonLines() {
        return process.log().lines().filter(line -> line.startsWith("{")).map(Api.JSON::readTree);
    }
}
