package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The low-stock threshold over HTTP, and the {@code product.stock_low} event (for the {@code stock.low} webhook)
 * that the audit log records when a product's stock falls from above its threshold to at or below it.
 */
@ApiTest
class LowStockIT {

    @Autowired
    Api api;

    @Test
    void aProductCreatedWithoutAThresholdHasZero() {
        var created = api.post("/v1/products", ProductData.aWidget()).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("low_stock_threshold").asInt()).isZero();
        assertThat(api.get("/v1/products/" + created.at("/id"))
                        .send()
                        .json()
                        .get("low_stock_threshold")
                        .asInt())
                .isZero();
    }

    @Test
    void theThresholdIsSetOnCreateChangedByPatchAndAudited() {
        var created = api.post("/v1/products", ProductData.aProduct("Thresholded", "1.00", 20, 5))
                .send();
        String id = created.at("/id");

        var patched = api.patch("/v1/products/" + id, Map.of("low_stock_threshold", 8))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(created.json().get("low_stock_threshold").asInt()).isEqualTo(5);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("low_stock_threshold").asInt()).isEqualTo(8);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        var stored = api.get("/v1/products/" + id).send().json();
        assertThat(stored.get("low_stock_threshold").asInt()).isEqualTo(8);
        assertThat(stored.get("name").asString()).isEqualTo("Thresholded");
        var updated = events("action=product.updated&resource_id=" + id);
        assertThat(updated.get(0).get("changes").propertyNames()).containsExactly("low_stock_threshold");
        assertThat(updated.get(0).at("/changes/low_stock_threshold/before").asInt())
                .isEqualTo(5);
        assertThat(updated.get(0).at("/changes/low_stock_threshold/after").asInt())
                .isEqualTo(8);
        assertThat(stockLow(id).size()).isZero();
    }

    @Test
    void aThresholdOutOfRangeOrNullIsRefusedAndChangesNothing() {
        assertThat(api.post("/v1/products", ProductData.aProduct("Negative", "1.00", 1, -1))
                        .send()
                        .at("/errors/0/pointer"))
                .isEqualTo("/low_stock_threshold");
        String id = ProductData.create(api, ProductData.aProduct("Kept", "1.00", 10, 2));
        var nullThreshold = new LinkedHashMap<String, Object>();
        nullThreshold.put("low_stock_threshold", null);

        for (Object body : List.of(
                Map.of("low_stock_threshold", -1), Map.of("low_stock_threshold", 1_000_000_001), nullThreshold)) {
            var refused = api.patch("/v1/products/" + id, body).send();

            assertThat(refused.status()).as(body.toString()).isEqualTo(422);
            assertThat(refused.at("/errors/0/pointer")).isEqualTo("/low_stock_threshold");
        }
        var stored = api.get("/v1/products/" + id).send();
        assertThat(stored.json().get("low_stock_threshold").asInt()).isEqualTo(2);
        assertThat(stored.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anAdjustmentThatFallsToTheThresholdRecordsStockLowOnce() {
        String id = ProductData.create(api, ProductData.aProduct("Falling", "1.00", 10, 5));

        adjust(id, -5);
        adjust(id, -1);

        var low = stockLow(id);
        assertThat(low.size()).isEqualTo(1);
        assertThat(low.get(0).at("/resource_type").asString()).isEqualTo("product");
        assertThat(low.get(0).at("/changes/stock/after").asInt()).isEqualTo(5);
        assertThat(low.get(0).at("/changes/low_stock_threshold/after").asInt()).isEqualTo(5);
        assertThat(low.get(0).at("/changes/stock/before").isNull()).isTrue();
        assertThat(low.get(0).at("/actor").asString()).isEqualTo(Api.ADMIN_CLIENT_ID);
    }

    @Test
    void anAdjustmentThatStaysAboveTheThresholdOrAddsStockRecordsNothing() {
        String id = ProductData.create(api, ProductData.aProduct("Steady", "1.00", 10, 5));

        adjust(id, -4);
        adjust(id, +3);

        assertThat(stockLow(id).size()).isZero();
        assertThat(events("action=product.stock_adjusted&resource_id=" + id).size())
                .isEqualTo(2);
    }

    @Test
    void aRefusedAdjustmentRecordsNothing() {
        String id = ProductData.create(api, ProductData.aProduct("Refused", "1.00", 3, 2));

        var refused = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -4, "reason", "x"))
                .send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(stockLow(id).size()).isZero();
    }

    @Test
    void anOrderThatTakesStockToTheThresholdRecordsStockLowForThatProductOnly() {
        String customer = CustomerData.create(api);
        String falling = ProductData.create(api, ProductData.aProduct("Ordered down", "1.00", 10, 3));
        String plenty = ProductData.create(api, ProductData.aProduct("Ordered plenty", "1.00", 100, 3));

        var placed = order(customer, Map.of(falling, 7, plenty, 7));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        var low = stockLow(falling);
        assertThat(low.size()).isEqualTo(1);
        assertThat(low.get(0).at("/changes/stock/after").asInt()).isEqualTo(3);
        assertThat(low.get(0).at("/changes/low_stock_threshold/after").asInt()).isEqualTo(3);
        assertThat(stockLow(plenty).size()).isZero();
    }

    @Test
    void sellingOutWithTheDefaultThresholdRecordsStockLowAndGivingStockBackDoesNot() {
        String customer = CustomerData.create(api);
        String id = ProductData.create(api, ProductData.aProduct("Sold out", "1.00", 2));

        var first = order(customer, Map.of(id, 2));
        var soldOut = stockLow(id);
        var cancelled = api.post("/v1/orders/" + first.at("/id") + "/cancel", Map.of("reason", "changed mind"))
                .send();
        var afterRelease = stockLow(id);
        order(customer, Map.of(id, 2));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(soldOut.size()).isEqualTo(1);
        assertThat(soldOut.get(0).at("/changes/stock/after").asInt()).isZero();
        assertThat(soldOut.get(0).at("/changes/low_stock_threshold/after").asInt())
                .isZero();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(afterRelease.size()).as("release publishes nothing").isEqualTo(1);
        assertThat(stockLow(id).size()).as("sold out again").isEqualTo(2);
    }

    @Test
    void raisingTheThresholdToMeetTheStockRecordsStockLowOnce() {
        String id = ProductData.create(api, ProductData.aProduct("Raised", "1.00", 5));

        var raised = api.patch("/v1/products/" + id, Map.of("low_stock_threshold", 10))
                .send();
        api.patch("/v1/products/" + id, Map.of("low_stock_threshold", 20)).send();
        api.patch("/v1/products/" + id, Map.of("low_stock_threshold", 1)).send();

        assertThat(raised.status()).isEqualTo(200);
        var low = stockLow(id);
        assertThat(low.size()).isEqualTo(1);
        assertThat(low.get(0).at("/changes/stock/after").asInt()).isEqualTo(5);
        assertThat(low.get(0).at("/changes/low_stock_threshold/after").asInt()).isEqualTo(10);
    }

    @Test
    void aProductCreatedAtOrBelowItsThresholdRecordsNoStockLow() {
        String id = ProductData.create(api, ProductData.aProduct("Born low", "1.00", 0));

        assertThat(stockLow(id).size()).isZero();
    }

    private void adjust(String id, int delta) {
        var response = api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", delta, "reason", "test"))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private Response order(String customer, Map<String, Integer> quantities) {
        var lines = new ArrayList<Map<String, Object>>();
        quantities.forEach((product, quantity) -> lines.add(Map.of("product_id", product, "quantity", quantity)));
        return api.post("/v1/orders", Map.of("customer_id", customer, "lines", lines))
                .send();
    }

    private JsonNode stockLow(String productId) {
        return events("action=product.stock_low&resource_id=" + productId);
    }

    private JsonNode events(String query) {
        var response = api.get("/v1/audit-events?limit=200&" + query).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data");
    }
}
