package dev.stockroom.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.GraphQl;
import dev.stockroom.support.ProductData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An {@code Idempotency-Key} on a GraphQL mutation behaves as on a REST {@code POST}. */
@ApiTest
class GraphQlIdempotencyIT {

    private static final String PLACE = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id total } }";

    @Autowired
    Api api;

    private static Map<String, Object> order(String customer, String product, int quantity) {
        return Map.of(
                "input",
                Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", quantity))));
    }

    private int stock(String product) {
        return api.get("/v1/products/" + product).send().json().at("/stock").asInt();
    }

    @Test
    void theSameKeyReplaysTheAnswerAndPlacesTheOrderOnce() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Keyed widget", "3.00", 5));
        String key = UUID.randomUUID().toString();

        var first = GraphQl.call(api, PLACE, order(customer, product, 2))
                .header("Idempotency-Key", key)
                .send();
        var again = GraphQl.call(api, PLACE, order(customer, product, 2))
                .header("Idempotency-Key", key)
                .send();

        assertThat(first.json().has("errors")).as(first.body()).isFalse();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(stock(product)).isEqualTo(3);

        var other = GraphQl.call(api, PLACE, order(customer, product, 1))
                .header("Idempotency-Key", key)
                .send();
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.at("/type")).endsWith("/idempotency-key-reused");
        assertThat(stock(product)).isEqualTo(3);
    }

    @Test
    void aRefusedMutationIsNotKeptAndRunsAgainOnRetry() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Keyed short widget", "3.00", 1));
        String key = UUID.randomUUID().toString();

        var refused = GraphQl.call(api, PLACE, order(customer, product, 3))
                .header("Idempotency-Key", key)
                .send();
        assertThat(refused.json().at("/errors/0/extensions/code").asString()).isEqualTo("CONFLICT");
        assertThat(api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", 5, "reason", "delivery"))
                        .send()
                        .status())
                .isEqualTo(201);

        var retried = GraphQl.call(api, PLACE, order(customer, product, 3))
                .header("Idempotency-Key", key)
                .send();
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(retried.json().at("/data/placeOrder/id").isString())
                .as(retried.body())
                .isTrue();
        assertThat(stock(product)).isEqualTo(3);
    }

    @Test
    void aKeyCoversOneMutationAndAKeyedRequestWithTwoChangesNothing() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Keyed pair widget", "3.00", 5));
        String two =
                "mutation($input: PlaceOrderInput!) { a: placeOrder(input: $input) { id } b: placeOrder(input: $input) { id } }";

        var answer = GraphQl.call(api, two, order(customer, product, 1))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(answer.json().at("/errors/0/extensions/code").asString())
                .as(answer.body())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(answer.json().at("/errors/0/message").asString()).contains("one mutation");
        assertThat(stock(product)).isEqualTo(5);

        var unkeyed = GraphQl.query(api, two, order(customer, product, 1));
        assertThat(unkeyed.json().has("errors")).as(unkeyed.body()).isFalse();
        assertThat(stock(product)).isEqualTo(3);
    }
}
