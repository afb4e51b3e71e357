package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import dev.stockroom.support.TestEndpoints;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorModelIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    @Autowired
    Api api;

    @Test
    void malformedJsonAnswersBadRequest() {
        var response = api.post("/v1/products", "{\"sku\": ").send();

        assertProblem(response, 400, "malformed-request", "/v1/products");
    }

    @Test
    void unknownPropertyAnswersUnprocessable() {
        var body = ProductData.aWidget();
        body.put("colour", "blue");

        var response = api.post("/v1/products", body).send();

        assertProblem(response, 422, "validation-error", "/v1/products");
        assertThat(response.at("/errors/0/pointer")).isEqualTo("/colour");
        assertThat(response.at("/errors/0/code")).isEqualTo("unknown_property");
    }

    @Test
    void wrongJsonTypeAnswersUnprocessable() {
        for (var wrong : Map.<String, Object>of("price", "19.99", "stock", "5", "name", 5, "sku", true)
                .entrySet()) {
            var body = ProductData.aWidget();
            body.put(wrong.getKey(), wrong.getValue());

            var response = api.post("/v1/products", body).send();

            assertProblem(response, 422, "validation-error", "/v1/products");
            assertThat(response.at("/errors/0/pointer")).isEqualTo("/" + wrong.getKey());
            assertThat(response.at("/errors/0/code")).isEqualTo("invalid_type");
        }
    }

    @Test
    void unknownMembersAndInvalidValuesAreReportedTogether() {
        var body = ProductData.aWidget();
        body.put("colour", "blue");
        body.put("sku", "-");
        body.put("price", 0);

        var response = api.post("/v1/products", body).send();

        assertProblem(response, 422, "validation-error", "/v1/products");
        assertThat(errorCodes(response))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("/colour", "unknown_property", "/sku", "pattern", "/price", "decimal_min"));
    }

    @Test
    void wronglyTypedMembersDoNotHideTheOtherErrors() {
        var body = ProductData.aWidget();
        body.put("stock", "5");
        body.put("name", 5);
        body.put("price", 0);
        body.put("shade", "red");

        var response = api.post("/v1/products", body).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(errorCodes(response))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/stock", "invalid_type",
                        "/name", "invalid_type",
                        "/price", "decimal_min",
                        "/shade", "unknown_property"));
        assertThat(response.at("/detail")).isEqualTo("4 fields are invalid.");
    }

    @Test
    void aPatchListsEveryErrorAtOnceToo() {
        var widget = ProductData.aWidget();
        String id = ProductData.create(api, widget);

        var response = api.patch(
                        "/v1/products/" + id,
                        Map.of("price", "cheap", "name", "x".repeat(201), "sku", "NEW-1", "stock", 5))
                .send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(errorCodes(response))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/price", "invalid_type",
                        "/name", "size",
                        "/sku", "unknown_property",
                        "/stock", "unknown_property"));
        assertThat(api.get("/v1/products/" + id).send().at("/name")).isEqualTo(widget.get("name"));
    }

    @Test
    void nestedMembersAreNamedByTheirWholePointer() {
        var response = api.post(
                        "/v1/orders",
                        Map.of(
                                "customer_id",
                                UUID.randomUUID().toString(),
                                "lines",
                                List.of(
                                        Map.of("product_id", UUID.randomUUID().toString(), "quantity", "two"),
                                        Map.of("product_id", 7, "quantity", 1, "discount", 5))))
                .send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(errorCodes(response))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/lines/0/quantity", "invalid_type",
                        "/lines/1/product_id", "invalid_type",
                        "/lines/1/discount", "unknown_property"));
    }

    private static Map<String, String> errorCodes(Response response) {
        var codes = new java.util.LinkedHashMap<String, String>();
        response.json().get("errors").forEach(error -> {
            assertThat(codes.put(
                            error.get("pointer").asString(), error.get("code").asString()))
                    .as("one error per member")
                    .isNull();
        });
        return codes;
    }

    @Test
    void fractionalStockIsAWrongType() {
        var body = ProductData.aWidget();
        body.put("stock", 1.5);

        var response = api.post("/v1/products", body).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/0/pointer")).isEqualTo("/stock");
    }

    @Test
    void constraintViolationsListEveryField() {
        var response = api.post("/v1/products", Map.of("sku", "-", "name", " ", "price", 0, "stock", -1))
                .send();

        assertProblem(response, 422, "validation-error", "/v1/products");
        assertThat(response.json().get("errors").findValuesAsString("pointer"))
                .contains("/sku", "/name", "/price", "/stock");
        response.json().get("errors").forEach(error -> {
            assertThat(error.get("detail").asString()).isNotBlank();
            assertThat(error.get("code").asString()).matches("[a-z_]+");
        });
    }

    @Test
    void unknownRouteAnswersNotFound() {
        var response = api.get("/v1/nothing-here").send();

        assertProblem(response, 404, "not-found", "/v1/nothing-here");
        assertThat(response.at("/detail")).isEqualTo("No resource exists at this address.");
    }

    @Test
    void wrongMethodAnswersMethodNotAllowedWithAllow() {
        var response =
                api.request("PUT", "/v1/products", BodyPublishers.noBody()).send();

        assertProblem(response, 405, "method-not-allowed", "/v1/products");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void unsupportedMediaTypeAnswers415() {
        var response = api.post("/v1/products", "sku=X")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send();

        assertProblem(response, 415, "unsupported-media-type", "/v1/products");
    }

    @Test
    void unacceptableAcceptAnswers406() {
        var response = api.get("/v1/products").header("Accept", "text/csv").send();

        assertProblem(response, 406, "not-acceptable", "/v1/products");
    }

    @Test
    void declaredBodyOverOneMebibyteAnswers413() {
        var body = ProductData.aWidget();
        body.put("description", "x".repeat(1024 * 1024 + 10));

        var response = api.post("/v1/products", body).send();

        assertProblem(response, 413, "payload-too-large", "/v1/products");
    }

    @Test
    void chunkedBodyOverOneMebibyteAnswers413() {
        byte[] big = ("{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();

        var response = api.request(
                        "POST", "/v1/products", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .header("Content-Type", "application/json")
                .send();

        assertProblem(response, 413, "payload-too-large", "/v1/products");
    }

    @Test
    void conflictAnswers409() {
        var body = ProductData.aWidget();
        ProductData.create(api, body);

        assertProblem(api.post("/v1/products", body).send(), 409, "duplicate-sku", "/v1/products");
    }

    @Test
    void failedPreconditionAnswers412() {
        String id = ProductData.create(api, ProductData.aWidget());

        var response =
                api.delete("/v1/products/" + id).header("If-Match", "\"9\"").send();

        assertProblem(response, 412, "precondition-failed", "/v1/products/" + id);
    }

    @Test
    void unexpectedErrorRevealsNothingAndIsLoggedUnderTheRequestId(CapturedOutput output) {
        var response =
                api.get("/test/boom").header("X-Request-Id", "boom-12345").send();

        assertProblem(response, 500, "internal-error", "/test/boom");
        assertThat(response.at("/request_id")).isEqualTo("boom-12345");
        assertThat(response.body())
                .doesNotContain(TestEndpoints.SECRET)
                .doesNotContain("IllegalStateException")
                .doesNotContain("dev.stockroom")
                .doesNotContain("\tat ");
        assertThat(output.getOut())
                .contains("[boom-12345,")
                .contains("java.lang.IllegalStateException: Database said: " + TestEndpoints.SECRET);
    }

    @Test
    void requestIdIsEchoedWhenWellFormedAndGeneratedOtherwise() {
        var echoed = api.get("/v1/products?limit=1")
                .header("X-Request-Id", "abc-123")
                .send();
        assertThat(echoed.header("X-Request-Id")).isEqualTo("abc-123");

        var generated = api.get("/v1/products?limit=1").send();
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        var replaced = api.get("/v1/nothing")
                .header("X-Request-Id", "bad id with spaces")
                .send();
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(replaced.at("/request_id")).isEqualTo(replaced.header("X-Request-Id"));
    }

    @Test
    void requestIdIsInEveryLogLineOfTheRequest(CapturedOutput output) {
        api.get("/test/boom").header("X-Request-Id", "trace-me-42").send();

        var lines = output.getOut()
                .lines()
                .filter(line -> line.contains("Unexpected error while handling"))
                .toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.contains("[trace-me-42,"));
    }

    private static void assertProblem(Response response, int status, String type, String instance) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var json = response.json();
        assertThat(json.get("type").asString()).isEqualTo(PROBLEMS + type);
        assertThat(json.get("title").asString()).isNotBlank();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asString()).isNotBlank();
        assertThat(json.get("instance").asString()).isEqualTo(instance);
        assertThat(json.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
    }
}
