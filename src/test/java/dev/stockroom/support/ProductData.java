package dev.stockroom.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for products, each with a sku nobody else uses. */
public final class ProductData {

    private ProductData() {}

    public static String uniqueSku() {
        return "T-"
                + UUID.randomUUID().toString().toUpperCase().replace("-", "").substring(0, 20);
    }

    public static Map<String, Object> aWidget() {
        return aProduct("Widget " + UUID.randomUUID(), "19.99", 10);
    }

    public static Map<String, Object> aProduct(String name, String price, int stock) {
        var body = new LinkedHashMap<String, Object>();
        body.put("sku", uniqueSku());
        body.put("name", name);
        body.put("description", "A test product.");
        body.put("price", new java.math.BigDecimal(price));
        body.put("stock", stock);
        return body;
    }

    public static Map<String, Object> aProduct(String name, String price, int stock, int lowStockThreshold) {
        var body = aProduct(name, price, stock);
        body.put("low_stock_threshold", lowStockThreshold);
        return body;
    }

    /** Creates the product and answers its id. */
    public static String create(Api api, Map<String, Object> body) {
        var response = api.post("/v1/products", body).send();
        if (response.status() != 201) {
            throw new AssertionError("could not create product: " + response);
        }
        return response.at("/id");
    }
}
