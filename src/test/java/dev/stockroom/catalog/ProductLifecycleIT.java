package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class ProductLifecycleIT {

    @Autowired
    Api api;

    @Test
    void createGetPatchDeleteLifecycle() {
        var body = ProductData.aProduct("Blue widget", "19.90", 7);

        var created = api.post("/v1/products", body).send();
        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.header("Location")).isEqualTo(api.url("/v1/products/" + id));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        var json = created.json();
        assertThat(json.get("sku").asString()).isEqualTo(body.get("sku"));
        assertThat(json.get("name").asString()).isEqualTo("Blue widget");
        assertThat(json.get("stock").asInt()).isEqualTo(7);
        assertThat(json.get("in_stock").asBoolean()).isTrue();
        assertThat(json.get("version").asLong()).isEqualTo(1);
        Instant createdAt = Instant.parse(json.get("created_at").asString());
        assertThat(json.get("created_at").asString()).endsWith("Z");
        assertThat(json.get("updated_at").asString())
                .isEqualTo(json.get("created_at").asString());

        var fetched = api.get("/v1/products/" + id).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(json);

        var patched =
                api.patch("/v1/products/" + id, Map.of("name", "Red widget")).send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.at("/name")).isEqualTo("Red widget");
        assertThat(patched.json().get("version").asLong()).isEqualTo(2);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(Instant.parse(patched.at("/updated_at"))).isAfterOrEqualTo(createdAt);
        assertThat(patched.at("/created_at")).isEqualTo(json.get("created_at").asString());

        var deleted = api.delete("/v1/products/" + id).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/v1/products/" + id).send().status()).isEqualTo(404);
        assertThat(api.delete("/v1/products/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void priceIsAnExactDecimalEndToEnd() {
        var created = api.post("/v1/products", ProductData.aProduct("Exact", "0.10", 1))
                .send();

        assertThat(created.body()).contains("\"price\":0.10");
        var fetched = api.get("/v1/products/" + created.at("/id")).send();
        assertThat(fetched.body()).contains("\"price\":0.10");
        assertThat(fetched.json().get("price").decimalValue()).isEqualByComparingTo("0.10");
    }

    @Test
    void patchChangesOnlySentFields() {
        var body = ProductData.aProduct("Keep me", "5.00", 3);
        String id = ProductData.create(api, body);

        var patched = api.patch("/v1/products/" + id, Map.of("price", 6.5)).send();

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("price").decimalValue()).isEqualByComparingTo("6.50");
        assertThat(patched.at("/name")).isEqualTo("Keep me");
        assertThat(patched.at("/description")).isEqualTo("A test product.");
        assertThat(patched.at("/sku")).isEqualTo(body.get("sku"));
        assertThat(patched.json().get("stock").asInt()).isEqualTo(3);
    }

    @Test
    void patchAcceptsPlainJsonAndNullClearsTheDescription() {
        String id = ProductData.create(api, ProductData.aWidget());
        var nullDescription = new java.util.HashMap<String, Object>();
        nullDescription.put("description", null);

        var patched = api.patch("/v1/products/" + id, nullDescription)
                .header("Content-Type", "application/json")
                .send();

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("description").isNull()).isTrue();
    }

    @Test
    void patchWithNothingToChangeKeepsTheVersion() {
        String id = ProductData.create(api, ProductData.aWidget());

        var patched = api.patch("/v1/products/" + id, Map.of()).send();

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void patchRefusesNullForRequiredFieldsAndChangesNothing() {
        String id = ProductData.create(api, ProductData.aProduct("Unchanged", "5.00", 3));
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", null);
        body.put("price", null);
        body.put("description", "would change");

        var refused = api.patch("/v1/products/" + id, body).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer")).contains("/name", "/price");
        var stored = api.get("/v1/products/" + id).send();
        assertThat(stored.at("/name")).isEqualTo("Unchanged");
        assertThat(stored.at("/description")).isEqualTo("A test product.");
        assertThat(stored.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void patchRefusesFieldsThatCannotBePatched() {
        String id = ProductData.create(api, ProductData.aWidget());

        for (var field : Map.of(
                        "sku", "OTHER-SKU", "stock", 99, "id", UUID.randomUUID().toString(), "version", 7)
                .entrySet()) {
            var refused = api.patch("/v1/products/" + id, Map.of(field.getKey(), field.getValue(), "name", "Changed"))
                    .send();

            assertThat(refused.status()).as(field.getKey()).isEqualTo(422);
            assertThat(refused.at("/errors/0/pointer")).isEqualTo("/" + field.getKey());
            assertThat(refused.at("/errors/0/code")).isEqualTo("unknown_property");
        }
        var stored = api.get("/v1/products/" + id).send();
        assertThat(stored.at("/name")).startsWith("Widget ");
        assertThat(stored.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void duplicateSkuAnswersConflict() {
        var body = ProductData.aWidget();
        ProductData.create(api, body);

        var duplicate = api.post("/v1/products", body).send();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.at("/type")).isEqualTo("https://stockroom.dev/problems/duplicate-sku");
        assertThat(duplicate.at("/sku")).isEqualTo(body.get("sku"));
    }

    @Test
    void unknownOrMalformedIdAnswersNotFound() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid", "42"}) {
            var response = api.get("/v1/products/" + id).send();

            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.at("/type")).isEqualTo("https://stockroom.dev/problems/not-found");
        }
        assertThat(api.patch("/v1/products/" + UUID.randomUUID(), Map.of("name", "x"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void createRefusesEveryInvalidFieldAtOnce() {
        var body =
                Map.of("sku", "lower-case", "name", "", "price", -1.001, "stock", -1, "description", "x".repeat(2001));

        var refused = api.post("/v1/products", body).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/validation-error");
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .contains("/sku", "/name", "/price", "/stock", "/description");
    }

    @Test
    void createRequiresSkuNamePriceAndStock() {
        var refused = api.post("/v1/products", Map.of()).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/sku", "/name", "/price", "/stock");
    }

    @Test
    void priceWithMoreThanTwoFractionDigitsOrAboveTheMaximumIsRefused() {
        for (String price : new String[] {"1.001", "1000000.01", "0"}) {
            var body = ProductData.aProduct("P", price, 1);

            var refused = api.post("/v1/products", body).send();

            assertThat(refused.status()).as(price).isEqualTo(422);
            assertThat(refused.at("/errors/0/pointer")).isEqualTo("/price");
        }
        assertThat(api.post("/v1/products", ProductData.aProduct("Max", "1000000", 1))
                        .send()
                        .status())
                .isEqualTo(201);
    }
}
