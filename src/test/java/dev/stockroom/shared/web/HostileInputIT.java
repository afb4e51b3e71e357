package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.RawHttp;
import dev.stockroom.support.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacks of the outside probe, replayed: each used to exhaust the server, tie up a pooled connection, or be
 * answered as a conflict, a 500 or a silently changed value; each is now a fast 422 naming the input.
 */
@ApiTest
class HostileInputIT {

    @Autowired
    Api api;

    @BeforeEach
    void fetchTheTokenBeforeAnythingIsTimed() {
        api.token();
    }

    @Test
    void aPriceFilterWithAHugeExponentIsRefusedAtOnceInsteadOfExhaustingMemory() {
        var response = timed(() -> api.get("/v1/products?min_price=1e999999999").send());

        assertRefused(response, "parameter", "min_price", "out_of_range");
    }

    @Test
    void aPriceFilterWithATinyExponentIsRefusedBeforeItReachesTheDatabase() {
        var response =
                timed(() -> api.get("/v1/products?max_price=1e-100000000").send());

        assertRefused(response, "parameter", "max_price", "out_of_range");
    }

    @Test
    void ordinaryReadsStayFastWhileHostileFiltersArrive() throws Exception {
        String id = ProductData.create(api, ProductData.aWidget());
        try (var pool = Executors.newFixedThreadPool(4)) {
            var attacks = new ArrayList<Future<Response>>();
            for (int i = 0; i < 8; i++) {
                String exponent = i % 2 == 0 ? "1e999999999" : "1e-100000000";
                attacks.add(pool.submit(
                        () -> api.get("/v1/products?min_price=" + exponent).send()));
            }
            var read = timed(() -> api.get("/v1/products/" + id).send());

            assertThat(read.status()).isEqualTo(200);
            for (var attack : attacks) {
                assertThat(attack.get().status()).isEqualTo(422);
            }
        }
    }

    @Test
    void aNulCharacterInANameIsRefusedAsInvalidNotAnsweredAsAConflict() {
        var product = new java.util.HashMap<>(ProductData.aWidget());
        product.put("name", "Blue\u0000widget");

        var response = timed(() -> api.post("/v1/products", product).send());

        assertRefused(response, "pointer", "/name", "invalid_characters");
    }

    @Test
    void aLoneSurrogateIsRefusedInsteadOfBeingStoredAsAQuestionMark() {
        String sku = ProductData.uniqueSku();
        String body = """
                {"sku": "%s", "name": "Widget", "description": "half an emoji \\ud83d", "price": 1.50, "stock": 1}
                """.formatted(sku);

        var response = timed(() -> api.post("/v1/products", body).send());

        assertRefused(response, "pointer", "/description", "invalid_characters");
        assertThat(api.get("/v1/products?q=" + sku).send().json().path("data")).isEmpty();
    }

    @Test
    void aTimestampFarOutsidePostgresqlsRangeIsRefusedNotAnsweredAsAConflict() {
        var response = timed(() ->
                api.get("/v1/audit-events?since=%2B999999999-12-31T23:59:59Z").send());

        assertRefused(response, "parameter", "since", "out_of_range");
    }

    @Test
    void aTimestampJustInsideTheRangeIsAccepted() {
        var response = api.get("/v1/orders?created_after=0001-01-01T00:00:00Z&created_before=9999-12-31T23:59:59Z")
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void invalidUtf8InAQueryIsRefusedNotAnsweredWithA500() {
        var response = timed(() -> api.get("/v1/products?q=%C3%28").send());

        assertRefused(response, "parameter", "q", "invalid_encoding");
    }

    @Test
    void aMalformedPercentEncodingIsRefusedNamingTheParameter() {
        var response = timed(() -> RawHttp.send(
                api.port(),
                "GET",
                "/v1/customers?q=100%",
                List.of("Authorization: Bearer " + api.token()),
                new byte[0]));

        assertRefused(response, "parameter", "q", "invalid_encoding");
    }

    @Test
    void everyHostileParameterIsReportedAtOnce() {
        var response =
                api.get("/v1/products?q=%00&min_price=1e999999999&sort=%FF").send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").findValuesAsString("parameter"))
                .contains("q", "sort");
    }

    @Test
    void decimalsAndTextWithinTheBoundsStillWork() {
        var product = new java.util.HashMap<>(ProductData.aWidget());
        product.put("description", "Line one\nline two\twith a tab, and an emoji \uD83D\uDE00");

        var created = api.post("/v1/products", product).send();
        var filtered = api.get("/v1/products?min_price=1E%2B1&max_price=99999999999999999999")
                .send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.at("/description")).isEqualTo(product.get("description"));
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
    }

    @Test
    void tooManyQueryParametersAreRefused() {
        var query = new StringBuilder("/v1/products?limit=5");
        for (int i = 0; i < 40; i++) {
            query.append("&p").append(i).append("=x");
        }

        var response = api.get(query.toString()).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").path(0).path("code").asString())
                .isEqualTo("too_many_parameters");
    }

    @Test
    void aTenMegabyteQueryStringIsRefusedFastWithAProblemBody() {
        byte[] head = ("GET /v1/products?q=" + "a".repeat(10 * 1024 * 1024)
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        var response = timed(Duration.ofSeconds(10), () -> RawHttp.exchange(api.port(), head, new byte[0]));

        assertThat(response.status()).isBetween(400, 431);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTenMegabyteBodyMemberIsRefusedFastWith413() {
        var product = new java.util.HashMap<>(ProductData.aWidget());
        product.put("description", "a".repeat(10 * 1024 * 1024));
        byte[] body = Api.JSON.writeValueAsBytes(product);
        var headers = List.of("Authorization: Bearer " + api.token(), "Content-Type: application/json");

        var response =
                timed(Duration.ofSeconds(10), () -> RawHttp.send(api.port(), "POST", "/v1/products", headers, body));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertRefused(Response response, String location, String name, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var error = response.json().path("errors").path(0);
        assertThat(error.path(location).asString()).isEqualTo(name);
        assertThat(error.path("code").asString()).isEqualTo(code);
    }

    /**
     * Runs the call and checks it answered within three seconds: a refusal takes microseconds, the attacks took
     * from ten seconds to forever; the margin is for a loaded build machine.
     */
    private static Response timed(java.util.function.Supplier<Response> call) {
        return timed(Duration.ofSeconds(3), call);
    }

    /** For calls that send megabytes, which take a while to write even when refused at the first line. */
    private static Response timed(Duration limit, java.util.function.Supplier<Response> call) {
        long started = System.nanoTime();
        var response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
        return response;
    }
}
