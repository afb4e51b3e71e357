package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class StockAdjustmentIT {

    @Autowired
    Api api;

    @Test
    void adjustmentAnswersCreatedWithTheNewStockLevel() {
        String id = ProductData.create(api, ProductData.aProduct("Stocked", "1.00", 10));

        var response = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -3, "reason", "damaged"))
                .send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("stock").asInt()).isEqualTo(7);
        assertThat(response.json().get("delta").asInt()).isEqualTo(-3);
        assertThat(response.at("/reason")).isEqualTo("damaged");
        assertThat(response.at("/product_id")).isEqualTo(id);
        assertThat(response.header("Location")).isNotNull();
        var ledger = api.get(response.header("Location")).send();
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().get("stock").asInt()).isEqualTo(7);
        var product = api.get("/v1/products/" + id).send();
        assertThat(product.json().get("stock").asInt()).isEqualTo(7);
        assertThat(product.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void adjustmentBelowZeroAnswersConflictAndChangesNothing() {
        String id = ProductData.create(api, ProductData.aProduct("Scarce", "1.00", 2));

        var refused = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -3, "reason", "sold"))
                .send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/insufficient-stock");
        assertThat(refused.json().get("available").asInt()).isEqualTo(2);
        var product = api.get("/v1/products/" + id).send();
        assertThat(product.json().get("stock").asInt()).isEqualTo(2);
        assertThat(product.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void stockCanFallToExactlyZero() {
        String id = ProductData.create(api, ProductData.aProduct("Last one", "1.00", 1));

        var response = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -1, "reason", "sold"))
                .send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(api.get("/v1/products/" + id).send().json().get("in_stock").asBoolean())
                .isFalse();
    }

    @Test
    void zeroDeltaAndMissingReasonAreRefused() {
        String id = ProductData.create(api, ProductData.aWidget());

        var refused = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", 0))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/delta", "/reason");
    }

    @Test
    void adjustingAnUnknownProductAnswersNotFound() {
        var response = api.post(
                        "/v1/products/" + java.util.UUID.randomUUID() + "/stock-adjustments",
                        Map.of("delta", 1, "reason", "x"))
                .send();

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void concurrentAdjustmentsLoseNothing() throws Exception {
        String id = ProductData.create(api, ProductData.aProduct("Busy", "1.00", 0));
        int requests = 50;
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Integer>>();

        try (var pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                                    "/v1/products/" + id + "/stock-adjustments",
                                    Map.of("delta", 1, "reason", "restock"))
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        }

        var product = api.get("/v1/products/" + id).send();
        assertThat(product.json().get("stock").asInt()).isEqualTo(requests);
        assertThat(product.json().get("version").asLong()).isEqualTo(1 + requests);
    }
}
