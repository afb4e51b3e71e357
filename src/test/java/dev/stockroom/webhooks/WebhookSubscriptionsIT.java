package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /v1/webhook-subscriptions} under the contract every resource follows, the SSRF defence at registration,
 * and who sees which subscriptions. Nothing is delivered here (the worker is off in this context).
 */
@ApiTest
class WebhookSubscriptionsIT {

    /** example.com's address: public, and never connected to here. */
    private static final String PUBLIC = "https://93.184.216.34/hooks";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        created.forEach(id -> api.delete("/v1/webhook-subscriptions/" + id).send());
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() {
        var response = create(api, Map.of("url", PUBLIC, "event_types", List.of("order.placed")));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/v1/webhook-subscriptions/" + response.at("/id"));
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        String secret = response.at("/secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(response.json().path("enabled").asBoolean()).isTrue();

        var read = api.get("/v1/webhook-subscriptions/" + response.at("/id")).send();
        assertThat(read.body()).doesNotContain(secret.substring(6)).doesNotContain("secret\"");
        byte[] stored = jdbc.sql("select secret from webhook_subscription where id = :id")
                .param("id", UUID.fromString(response.at("/id")))
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));

        String rotated = api.post("/v1/webhook-subscriptions/" + response.at("/id") + "/secret-rotation", "")
                .send()
                .at("/secret");
        var audit = api.get("/v1/audit-events?resource_type=webhook_subscription&resource_id=" + response.at("/id"))
                .send();
        assertThat(audit.json().path("data").findValuesAsString("action"))
                .contains("webhook_subscription.created", "webhook_subscription.secret_rotated");
        assertThat(audit.body()).doesNotContain(secret.substring(6)).doesNotContain(rotated.substring(6));
    }

    @Test
    void subscriptionsFollowTheContractOfEveryResource() {
        String id = create(api, Map.of("url", PUBLIC, "event_types", List.of("*"), "description", "all"))
                .at("/id");

        var stale = api.patch("/v1/webhook-subscriptions/" + id, Map.of("enabled", false))
                .header("If-Match", "\"7\"")
                .send();
        assertThat(stale.status()).isEqualTo(412);
        var changed = api.patch(
                        "/v1/webhook-subscriptions/" + id,
                        Map.of("enabled", false, "event_types", List.of("order.shipped", "stock.adjusted")))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().path("enabled").asBoolean()).isFalse();
        assertThat(changed.json().path("event_types").toString()).isEqualTo("[\"order.shipped\",\"stock.adjusted\"]");
        var page = api.get("/v1/webhook-subscriptions?limit=1").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("data")).hasSize(1);

        assertThat(api.delete("/v1/webhook-subscriptions/" + id).send().status())
                .isEqualTo(204);
        assertThat(api.get("/v1/webhook-subscriptions/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void aRepeatedCreationWithTheSameIdempotencyKeyCreatesOne() {
        String key = UUID.randomUUID().toString();
        var body = Map.of("url", PUBLIC, "event_types", List.of("order.placed"));
        var first = api.post("/v1/webhook-subscriptions", body)
                .header("Idempotency-Key", key)
                .send();
        var again = api.post("/v1/webhook-subscriptions", body)
                .header("Idempotency-Key", key)
                .send();
        created.add(first.at("/id"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.at("/id")).isEqualTo(first.at("/id"));
    }

    @Test
    void requestsAreValidated() {
        var empty = create(api, Map.of("url", PUBLIC, "event_types", List.of()));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.at("/errors/0/pointer")).isEqualTo("/event_types");

        var unknown = create(api, Map.of("url", PUBLIC, "event_types", List.of("order.placed", "order.lost")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.at("/errors/0/pointer")).isEqualTo("/event_types/1");

        var missing = create(api, Map.of("event_types", List.of("*")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/errors/0/pointer")).isEqualTo("/url");
    }

    @Test
    void urlsInsideOurNetworkOrInClearAreRefused() {
        for (String url : List.of(
                "http://93.184.216.34/hooks",
                "https://127.0.0.1/hooks",
                "https://127.1.2.3/hooks",
                "https://localhost/hooks",
                "https://10.0.0.8/hooks",
                "https://172.16.5.4/hooks",
                "https://192.168.1.10/hooks",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/hooks",
                "https://0.0.0.0/hooks",
                "https://224.0.0.1/hooks",
                "https://[::1]/hooks",
                "https://[::]/hooks",
                "https://[fe80::1]/hooks",
                "https://[fd00::1]/hooks",
                "https://[ff02::1]/hooks",
                "https://[::ffff:127.0.0.1]/hooks",
                "https://user:pass@93.184.216.34/hooks",
                "not a url")) {
            var refused = create(api, Map.of("url", url, "event_types", List.of("*")));

            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("/errors/0/pointer")).as(url).isEqualTo("/url");
        }
        var changedToInside = create(api, Map.of("url", PUBLIC, "event_types", List.of("*")));
        var refused = api.patch(
                        "/v1/webhook-subscriptions/" + changedToInside.at("/id"),
                        Map.of("url", "https://169.254.169.254/"))
                .send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/0/pointer")).isEqualTo("/url");
    }

    @Test
    void aBoundClientManagesOnlyItsOwnSubscriptions() {
        String customer = CustomerData.create(api);
        String other = CustomerData.create(api);
        var partner = CustomerData.partnerOf(api, customer, List.of("webhooks:manage"));
        var otherPartner = CustomerData.partnerOf(api, other, List.of("webhooks:manage"));
        var mine = create(partner, Map.of("url", PUBLIC, "event_types", List.of("*")));
        var theirs = create(otherPartner, Map.of("url", PUBLIC, "event_types", List.of("*")));

        assertThat(mine.at("/customer_id")).isEqualTo(customer);
        assertThat(partner.get("/v1/webhook-subscriptions/" + theirs.at("/id"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(partner.delete("/v1/webhook-subscriptions/" + theirs.at("/id"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(partner.get("/v1/webhook-subscriptions?limit=100")
                        .send()
                        .json()
                        .path("data"))
                .extracting(item -> item.path("id").asString())
                .containsExactly(mine.at("/id"));
        assertThat(api.get("/v1/webhook-subscriptions/" + theirs.at("/id"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theScopeIsRequired() {
        var reader = CustomerData.partnerOf(api, CustomerData.create(api), List.of("orders:read"));

        assertThat(reader.get("/v1/webhook-subscriptions").send().status()).isEqualTo(403);
    }

    private Response create(Api as, Map<String, Object> body) {
        var response = as.post("/v1/webhook-subscriptions", body).send();
        if (response.status() == 201) {
            created.add(response.at("/id"));
        }
        return response;
    }
}
