package dev.stockroom.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.SecondInstance;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class IdempotencyIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdempotencyStore store;

    @Autowired
    Api api;

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndCreatesOnce() {
        var body = ProductData.aWidget();
        String key = UUID.randomUUID().toString();

        var first =
                api.post("/v1/products", body).header("Idempotency-Key", key).send();
        var again =
                api.post("/v1/products", body).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(countProductsWithSku((String) body.get("sku"))).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheSameRequestRunsAgain() {
        String product = ProductData.create(api, ProductData.aProduct("Adjusted", "1.00", 0));
        var adjustment = Map.of("delta", 1, "reason", "restock");

        api.post("/v1/products/" + product + "/stock-adjustments", adjustment).send();
        api.post("/v1/products/" + product + "/stock-adjustments", adjustment).send();
        String key = UUID.randomUUID().toString();
        api.post("/v1/products/" + product + "/stock-adjustments", adjustment)
                .header("Idempotency-Key", key)
                .send();
        api.post("/v1/products/" + product + "/stock-adjustments", adjustment)
                .header("Idempotency-Key", key)
                .send();

        assertThat(api.get("/v1/products/" + product).send().json().get("stock").asInt())
                .isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherBodyAnswers422() {
        String key = UUID.randomUUID().toString();
        api.post("/v1/products", ProductData.aWidget())
                .header("Idempotency-Key", key)
                .send();

        var reused = api.post("/v1/products", ProductData.aWidget())
                .header("Idempotency-Key", key)
                .send();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.at("/type")).isEqualTo("https://stockroom.dev/problems/idempotency-key-reused");
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsAnswers409() throws Exception {
        String key = UUID.randomUUID().toString();
        var body = ProductData.aWidget();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, store.lockKey(store.slot(adminOwner(), key)));
                lock.execute();
            }

            var inFlight = api.post("/v1/products", body)
                    .header("Idempotency-Key", key)
                    .send();

            assertThat(inFlight.status()).isEqualTo(409);
            assertThat(inFlight.at("/type")).isEqualTo("https://stockroom.dev/problems/idempotency-key-in-use");
            holder.rollback();
        }
        assertThat(countProductsWithSku((String) body.get("sku"))).isZero();
        assertThat(api.post("/v1/products", body)
                        .header("Idempotency-Key", key)
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void keysArePerClient() {
        String key = UUID.randomUUID().toString();
        var other = api.withToken(partnerToken());
        var body = ProductData.aWidget();

        var mine = api.post("/v1/products", body).header("Idempotency-Key", key).send();
        body.put("sku", ProductData.uniqueSku());
        var theirs =
                other.post("/v1/products", body).header("Idempotency-Key", key).send();

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.at("/id")).isNotEqualTo(mine.at("/id"));
    }

    @Test
    void aRefusedRequestIsNotStoredAndLeavesNothingBehind() {
        String product = ProductData.create(api, ProductData.aProduct("Scarce", "1.00", 1));
        String customer = CustomerData.create(api);
        var order = Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 2)));
        String key = UUID.randomUUID().toString();

        assertThat(api.post("/v1/orders", order)
                        .header("Idempotency-Key", key)
                        .send()
                        .status())
                .isEqualTo(409);
        api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", 5, "reason", "restock"))
                .send();
        var retried =
                api.post("/v1/orders", order).header("Idempotency-Key", key).send();

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(api.post("/v1/orders", order)
                        .header("Idempotency-Key", key)
                        .send()
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void orderTransitionsReplayInsteadOfFailing() {
        String product = ProductData.create(api, ProductData.aWidget());
        String customer = CustomerData.create(api);
        String order = api.post(
                        "/v1/orders",
                        Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .send()
                .at("/id");
        String key = UUID.randomUUID().toString();

        var first = api.post("/v1/orders/" + order + "/cancel", "")
                .header("Idempotency-Key", key)
                .send();
        var again = api.post("/v1/orders/" + order + "/cancel", "")
                .header("Idempotency-Key", key)
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/v1/products/" + product).send().json().get("stock").asInt())
                .isEqualTo(10);
    }

    @Test
    void aKeyUsedOnOneInstanceReplaysOnAnother() {
        var body = CustomerData.aCustomer();
        String key = UUID.randomUUID().toString();
        var first =
                api.post("/v1/customers", body).header("Idempotency-Key", key).send();

        try (var other = SecondInstance.sharing(dataSource)) {
            var again = new Api(other.port())
                    .post("/v1/customers", body)
                    .header("Idempotency-Key", key)
                    .send();

            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.at("/id")).isEqualTo(first.at("/id"));
        }
    }

    @Test
    void malformedKeysAreRefused() {
        var refused = api.post("/v1/products", ProductData.aWidget())
                .header("Idempotency-Key", "x".repeat(256))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/0/parameter")).isEqualTo("Idempotency-Key");
    }

    @Test
    void storedResponsesAreKeptAtLeastADay() {
        String key = UUID.randomUUID().toString();
        var body = ProductData.aWidget();
        api.post("/v1/products", body).header("Idempotency-Key", key).send();
        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where key_hash = :id")
                .param("id", store.slot(adminOwner(), key).id())
                .update();

        var again =
                api.post("/v1/products", body).header("Idempotency-Key", key).send();

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private String partnerToken() {
        var client = api.post("/v1/clients", Map.of("name", "Other writer", "scopes", List.of("products:write")))
                .send();
        return api.anonymous().clientToken(client.at("/client_id"), client.at("/client_secret"), null);
    }

    private static String adminOwner() {
        return IdempotencyStore.owner(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_ID);
    }

    private int countProductsWithSku(String sku) {
        return jdbc.sql("select count(*) from product where sku = :sku")
                .param("sku", sku)
                .query(Integer.class)
                .single();
    }
}
