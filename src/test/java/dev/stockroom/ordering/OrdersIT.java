package dev.stockroom.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class OrdersIT {

    @Autowired
    Api api;

    String customer;

    @BeforeEach
    void setUp() {
        customer = CustomerData.create(api);
    }

    @Test
    void placingAnOrderReservesStockAndSnapshotsTheLinesWithExactTotals() {
        var body = ProductData.aProduct("Gear", "19.99", 10);
        String gear = ProductData.create(api, body);
        String bolt = ProductData.create(api, ProductData.aProduct("Bolt", "0.10", 100));

        var quantities = new java.util.LinkedHashMap<String, Integer>();
        quantities.put(gear, 3);
        quantities.put(bolt, 7);
        var placed = order(customer, quantities);

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.header("Location")).endsWith("/v1/orders/" + placed.at("/id"));
        assertThat(placed.at("/status")).isEqualTo("pending");
        assertThat(placed.body()).contains("\"total\":60.67");
        assertThat(placed.at("/lines/0/sku")).isEqualTo(body.get("sku"));
        assertThat(placed.at("/lines/0/unit_price")).isEqualTo("19.99");
        assertThat(placed.body()).contains("\"line_total\":59.97").contains("\"line_total\":0.70");
        assertThat(placed.at("/status_history/0/status")).isEqualTo("pending");
        assertThat(placed.at("/status_history/0/by")).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(stock(gear)).isEqualTo(7);
        assertThat(stock(bolt)).isEqualTo(93);

        api.patch("/v1/products/" + gear, Map.of("price", 25, "name", "Renamed gear"))
                .send();
        var fetched = api.get("/v1/orders/" + placed.at("/id")).send();
        assertThat(fetched.at("/lines/0/name")).isEqualTo("Gear");
        assertThat(fetched.at("/lines/0/unit_price")).isEqualTo("19.99");
    }

    @Test
    void notEnoughStockNamesEachShortLineAndChangesNothing() {
        String plenty = ProductData.create(api, ProductData.aProduct("Plenty", "1.00", 50));
        String scarce = ProductData.create(api, ProductData.aProduct("Scarce", "1.00", 2));
        String none = ProductData.create(api, ProductData.aProduct("None", "1.00", 0));

        var refused = order(customer, Map.of(plenty, 5, scarce, 3, none, 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/insufficient-stock");
        var shortfalls = refused.json().get("shortfalls");
        assertThat(shortfalls.size()).isEqualTo(2);
        assertThat(shortfalls.findValuesAsString("product_id")).containsExactlyInAnyOrder(scarce, none);
        assertThat(refused.body()).contains("\"requested\":3").contains("\"available\":2");
        assertThat(stock(plenty)).isEqualTo(50);
        assertThat(stock(scarce)).isEqualTo(2);
        assertThat(api.get("/v1/orders?customer_id=" + customer)
                        .send()
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void unknownCustomerAndProductsAnswer422WithPointers() {
        String known = ProductData.create(api, ProductData.aWidget());

        var unknownCustomer = order(UUID.randomUUID().toString(), Map.of(known, 1));
        assertThat(unknownCustomer.status()).isEqualTo(422);
        assertThat(unknownCustomer.at("/errors/0/pointer")).isEqualTo("/customer_id");

        var unknownProduct = api.post(
                        "/v1/orders",
                        Map.of(
                                "customer_id",
                                customer,
                                "lines",
                                List.of(
                                        Map.of("product_id", known, "quantity", 1),
                                        Map.of("product_id", UUID.randomUUID().toString(), "quantity", 1))))
                .send();
        assertThat(unknownProduct.status()).isEqualTo(422);
        assertThat(unknownProduct.at("/errors/0/pointer")).isEqualTo("/lines/1/product_id");
        assertThat(stock(known)).isEqualTo(10);
    }

    @Test
    void linesAreValidated() {
        String product = ProductData.create(api, ProductData.aWidget());

        var duplicate = api.post(
                        "/v1/orders",
                        Map.of(
                                "customer_id",
                                customer,
                                "lines",
                                List.of(
                                        Map.of("product_id", product, "quantity", 1),
                                        Map.of("product_id", product, "quantity", 2))))
                .send();
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.at("/errors/0/pointer")).isEqualTo("/lines/1/product_id");

        var bad = api.post(
                        "/v1/orders",
                        Map.of(
                                "customer_id",
                                customer,
                                "lines",
                                List.of(Map.of("product_id", product, "quantity", 0), Map.of("quantity", 10001))))
                .send();
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("pointer"))
                .contains("/lines/0/quantity", "/lines/1/quantity", "/lines/1/product_id");

        var empty = api.post("/v1/orders", Map.of("customer_id", customer, "lines", List.of()))
                .send();
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.at("/errors/0/pointer")).isEqualTo("/lines");
    }

    @Test
    void theLifecycleRunsToDeliveryWithItsHistory() {
        String product = ProductData.create(api, ProductData.aWidget());
        String id = order(customer, Map.of(product, 2)).at("/id");

        assertThat(move(id, "confirm").at("/status")).isEqualTo("confirmed");
        assertThat(move(id, "ship").at("/status")).isEqualTo("shipped");
        var delivered = move(id, "deliver");

        assertThat(delivered.at("/status")).isEqualTo("delivered");
        assertThat(delivered.json().get("status_history").findValuesAsString("status"))
                .containsExactly("pending", "confirmed", "shipped", "delivered");
        assertThat(stock(product)).isEqualTo(8);
    }

    @Test
    void everyIllegalTransitionAnswers409WithTheCurrentStatus() {
        String product = ProductData.create(api, ProductData.aProduct("Many", "1.00", 1000));
        var illegal = Map.of(
                "pending", List.of("ship", "deliver"),
                "confirmed", List.of("confirm", "deliver"),
                "shipped", List.of("confirm", "ship", "cancel"),
                "delivered", List.of("confirm", "ship", "deliver", "cancel"),
                "cancelled", List.of("confirm", "ship", "deliver", "cancel"));
        var path = Map.of(
                "pending", List.<String>of(),
                "confirmed", List.of("confirm"),
                "shipped", List.of("confirm", "ship"),
                "delivered", List.of("confirm", "ship", "deliver"),
                "cancelled", List.of("cancel"));

        illegal.forEach((status, actions) -> {
            for (String action : actions) {
                String id = order(customer, Map.of(product, 1)).at("/id");
                path.get(status).forEach(step -> move(id, step));

                var refused = api.post("/v1/orders/" + id + "/" + action, "").send();

                assertThat(refused.status()).as(status + " -> " + action).isEqualTo(409);
                assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/illegal-transition");
                assertThat(refused.at("/current_status")).isEqualTo(status);
            }
        });
    }

    @Test
    void cancellingReleasesTheStockExactlyOnceEvenWhenRacing() throws Exception {
        String product = ProductData.create(api, ProductData.aProduct("Held", "1.00", 10));
        String id = order(customer, Map.of(product, 4)).at("/id");
        move(id, "confirm");
        assertThat(stock(product)).isEqualTo(6);

        var statuses = new ArrayList<Integer>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post("/v1/orders/" + id + "/cancel", Map.of("reason", "changed my mind"))
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (var result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(stock(product)).isEqualTo(10);
        var cancelled = api.get("/v1/orders/" + id).send();
        assertThat(cancelled.at("/status_history/2/reason")).isEqualTo("changed my mind");
    }

    @Test
    void listFiltersByStatusCustomerAndTime() {
        String product = ProductData.create(api, ProductData.aProduct("Listed", "1.00", 100));
        String first = order(customer, Map.of(product, 1)).at("/id");
        String second = order(customer, Map.of(product, 1)).at("/id");
        move(second, "confirm");
        String otherCustomer = CustomerData.create(api);
        order(otherCustomer, Map.of(product, 1));

        assertThat(ids("/v1/orders?customer_id=" + customer)).containsExactly(first, second);
        assertThat(ids("/v1/orders?status=confirmed&customer_id=" + customer)).containsExactly(second);
        String createdAt = api.get("/v1/orders/" + second).send().at("/created_at");
        assertThat(ids("/v1/orders?customer_id=" + customer + "&created_before=" + createdAt))
                .containsExactly(first);
        assertThat(ids("/v1/orders?customer_id=" + customer + "&created_after=" + createdAt))
                .isEmpty();
        assertThat(api.get("/v1/orders?status=lost").send().status()).isEqualTo(422);
        var paged = api.get("/v1/orders?limit=1&customer_id=" + customer).send();
        assertThat(paged.json().get("data").size()).isEqualTo(1);
        assertThat(paged.json().get("next_cursor").isNull()).isFalse();
    }

    private List<String> ids(String path) {
        var response = api.get(path).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.json().get("data").forEach(order -> ids.add(order.get("id").asString()));
        return ids;
    }

    private Response order(String customerId, Map<String, Integer> quantities) {
        var lines = new ArrayList<Map<String, Object>>();
        quantities.forEach((product, quantity) -> lines.add(Map.of("product_id", product, "quantity", quantity)));
        return api.post("/v1/orders", Map.of("customer_id", customerId, "lines", lines))
                .send();
    }

    private Response move(String id, String action) {
        var response = api.post("/v1/orders/" + id + "/" + action, "").send();
        assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private int stock(String product) {
        return api.get("/v1/products/" + product).send().json().get("stock").asInt();
    }
}
