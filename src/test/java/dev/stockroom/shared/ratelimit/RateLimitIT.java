package dev.stockroom.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rate limits on one instance: every API answer says what is left, a client with its own limit is refused past it
 * with 429 problem details and {@code Retry-After} while others go on, and the limit is validated and shown.
 */
@ApiTest
class RateLimitIT {

    @Autowired
    Api api;

    @Test
    void everyApiAnswerCarriesTheDefaultPolicyAndWhatIsLeft() {
        var response = api.get("/v1/products?limit=1").send();

        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"default\";q=1000000;w=1");
        assertThat(response.header("RateLimit")).matches("\"default\";r=\\d+;t=\\d+");
    }

    @Test
    void probesAndDocsAreNotCounted() {
        assertThat(api.anonymous().get("/livez").send().header("RateLimit")).isNull();
        assertThat(api.anonymous().get("/openapi.json").send().header("RateLimit"))
                .isNull();
    }

    @Test
    void aClientPastItsOwnLimitIsRefusedWith429AndRetryAfterWhileOthersGoOn() {
        var limited = client("3/1m");
        assertThat(limited.response().at("/rate_limit")).isEqualTo("3/1m");

        for (int left = 2; left >= 0; left--) {
            var allowed = limited.api().get("/v1/products?limit=1").send();
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Policy")).isEqualTo("\"client\";q=3;w=60");
            assertThat(allowed.header("RateLimit")).startsWith("\"client\";r=" + left + ";t=");
        }
        var refused = limited.api().get("/v1/products?limit=1").send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/too-many-requests");
        assertThat(refused.at("/detail")).contains("3 requests in 1m from this client");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        assertThat(refused.header("RateLimit")).startsWith("\"client\";r=0;");
        assertThat(api.get("/v1/products?limit=1").send().status()).isEqualTo(200);
    }

    @Test
    void graphQlRequestsCountAgainstTheSameLimit() {
        var limited = client("3/1m");
        assertThat(limited.api().get("/v1/products?limit=1").send().status()).isEqualTo(200);

        for (int left = 1; left >= 0; left--) {
            var allowed = dev.stockroom.support.GraphQl.query(
                    limited.api(), "{ products(first: 1) { edges { node { id } } } }");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit")).startsWith("\"client\";r=" + left + ";t=");
        }
        var refused = dev.stockroom.support.GraphQl.query(limited.api(), "{ me { subject } }");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(limited.api().get("/v1/products?limit=1").send().status())
                .as("REST and GraphQL share one budget")
                .isEqualTo(429);
    }

    @Test
    void theLimitIsShownWithTheClientAndAbsentMeansTheDefault() {
        var limited = client("500/1s;burst=1000");
        String id = limited.response().at("/id");

        assertThat(api.get("/v1/clients/" + id).send().at("/rate_limit")).isEqualTo("500/1s;burst=1000");
        var plain = api.post("/v1/clients", Map.of("name", "Plain", "scopes", List.of("products:read")))
                .send();
        assertThat(plain.json().get("rate_limit").isNull()).isTrue();
    }

    @Test
    void aChangedLimitAppliesAtOnceAndNullGivesTheDefaultAgain() {
        var limited = client("3/1m");
        String path = "/v1/clients/" + limited.response().at("/id");
        assertThat(limited.api().get("/v1/products?limit=1").send().header("RateLimit-Policy"))
                .isEqualTo("\"client\";q=3;w=60");

        var raised = api.patch(path, Map.of("rate_limit", "50/1s;burst=70"))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.at("/rate_limit")).isEqualTo("50/1s;burst=70");
        assertThat(raised.header("ETag")).isEqualTo("\"2\"");
        var afterRaise = limited.api().get("/v1/products?limit=1").send();
        assertThat(afterRaise.header("RateLimit-Policy")).isEqualTo("\"client\";q=50;w=1");
        assertThat(afterRaise.header("RateLimit")).startsWith("\"client\";r=69;");

        var cleared = api.patch(path, java.util.Collections.singletonMap("rate_limit", null))
                .send();

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("rate_limit").isNull()).isTrue();
        assertThat(limited.api().get("/v1/products?limit=1").send().header("RateLimit-Policy"))
                .isEqualTo("\"default\";q=1000000;w=1");
        assertThat(api.get(path).send().json().get("rate_limit").isNull()).isTrue();
    }

    @Test
    void aChangedLimitIsValidatedLikeANewOne() {
        String path = "/v1/clients/" + client("3/1m").response().at("/id");
        for (String wrong : List.of("lots", "0/1s", "100/25h")) {
            var refused = api.patch(path, Map.of("rate_limit", wrong)).send();

            assertThat(refused.status()).as(wrong).isEqualTo(422);
            assertThat(refused.at("/errors/0/pointer")).as(wrong).isEqualTo("/rate_limit");
        }
        assertThat(api.get(path).send().at("/rate_limit")).isEqualTo("3/1m");
    }

    @Test
    void aRateLimitThatIsNotOneIsRefusedWithItsPointer() {
        for (String wrong : List.of("lots", "100", "0/1s", "100/1s;burst=0", "100/0s", "100/25h")) {
            var refused = api.post(
                            "/v1/clients",
                            Map.of("name", "Wrong", "scopes", List.of("products:read"), "rate_limit", wrong))
                    .send();

            assertThat(refused.status()).as(wrong).isEqualTo(422);
            assertThat(refused.at("/errors/0/pointer")).as(wrong).isEqualTo("/rate_limit");
        }
    }

    private record Client(Api api, dev.stockroom.support.Response response) {}

    private Client client(String rateLimit) {
        var created = api.post(
                        "/v1/clients",
                        Map.of("name", "Limited", "scopes", List.of("products:read"), "rate_limit", rateLimit))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = api.anonymous().clientToken(created.at("/client_id"), created.at("/client_secret"), null);
        return new Client(api.withToken(token), created);
    }
}
