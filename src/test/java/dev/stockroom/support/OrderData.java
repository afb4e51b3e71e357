package dev.stockroom.support;

import java.util.List;
import java.util.Map;

/** Request bodies for orders, and placing one. */
public final class OrderData {

    private OrderData() {}

    public static Map<String, Object> anOrder(String customerId, String productId, int quantity) {
        return Map.of(
                "customer_id", customerId, "lines", List.of(Map.of("product_id", productId, "quantity", quantity)));
    }

    /** Places the order and answers its id. */
    public static String place(Api api, String customerId, String productId, int quantity) {
        var response =
                api.post("/v1/orders", anOrder(customerId, productId, quantity)).send();
        if (response.status() != 201) {
            throw new AssertionError("could not place order: " + response);
        }
        return response.at("/id");
    }
}
