package dev.stockroom.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.LookAlikes;
import dev.stockroom.support.ProductData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class CustomersIT {

    @Autowired
    Api api;

    @Test
    void createGetPatchDeleteLifecycle() {
        var body = CustomerData.aCustomer();

        var created = api.post("/v1/customers", body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.header("Location")).endsWith("/v1/customers/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.at("/shipping_address/country")).isEqualTo("GB");
        assertThat(created.at("/shipping_address/lines/0")).isEqualTo("221B Baker Street");

        assertThat(api.get("/v1/customers/" + id)
                        .header("If-None-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(304);

        var patched = api.patch("/v1/customers/" + id, Map.of("shipping_address", Map.of("city", "Cambridge")))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.at("/shipping_address/city")).isEqualTo("Cambridge");
        assertThat(patched.at("/shipping_address/postal_code")).isEqualTo("NW1 6XE");
        assertThat(patched.at("/name")).isEqualTo(body.get("name"));
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");

        var stale = api.patch("/v1/customers/" + id, Map.of("name", "Lost"))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(stale.status()).isEqualTo(412);

        var clearPhone = new HashMap<String, Object>();
        clearPhone.put("phone", null);
        assertThat(api.patch("/v1/customers/" + id, clearPhone)
                        .send()
                        .json()
                        .get("phone")
                        .isNull())
                .isTrue();

        assertThat(api.delete("/v1/customers/" + id).send().status()).isEqualTo(204);
        assertThat(api.get("/v1/customers/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        var refused = api.post(
                        "/v1/customers",
                        Map.of(
                                "name", "",
                                "email", "not-an-email",
                                "phone", "call me",
                                "shipping_address",
                                        Map.of("lines", List.of(), "city", "", "postal_code", "", "country", "XX")))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .contains(
                        "/name",
                        "/email",
                        "/phone",
                        "/shipping_address/lines",
                        "/shipping_address/city",
                        "/shipping_address/postal_code",
                        "/shipping_address/country");
    }

    @Test
    void anInvalidAddressInAPatchIsRefusedMemberByMember() {
        String id = CustomerData.create(api);

        var refused = api.patch("/v1/customers/" + id, Map.of("shipping_address", Map.of("city", "", "country", "XX")))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .contains("/shipping_address/city", "/shipping_address/country");
    }

    @Test
    void nullForRequiredFieldsInAPatchIsRefused() {
        String id = CustomerData.create(api);
        var body = new HashMap<String, Object>();
        body.put("name", null);
        body.put("shipping_address", null);

        var refused = api.patch("/v1/customers/" + id, body).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer")).contains("/name", "/shipping_address");
    }

    @Test
    void duplicateEmailAnswersConflict() {
        var body = CustomerData.aCustomer();
        assertThat(api.post("/v1/customers", body).send().status()).isEqualTo(201);
        body.put("email", ((String) body.get("email")).toUpperCase());

        var duplicate = api.post("/v1/customers", body).send();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.at("/type")).isEqualTo("https://stockroom.dev/problems/duplicate-email");
    }

    @Test
    void lookAlikeSpellingsOfAnEmailAreNotANewCustomer() {
        var body = CustomerData.aCustomer();
        String email = (String) body.get("email");
        assertThat(api.post("/v1/customers", body).send().status()).isEqualTo(201);

        body.put("email", LookAlikes.fullWidth(email));
        var fullWidth = api.post("/v1/customers", body).send();
        assertThat(fullWidth.status()).isEqualTo(409);
        assertThat(fullWidth.at("/type")).isEqualTo("https://stockroom.dev/problems/duplicate-email");
        for (char invisible : LookAlikes.INVISIBLE) {
            body.put("email", LookAlikes.withInvisible(email, invisible));
            var refused = api.post("/v1/customers", body).send();
            assertThat(refused.status()).as("U+%04X", (int) invisible).isEqualTo(422);
            assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                    .contains("/email");
        }

        var other = api.post("/v1/customers", CustomerData.aCustomer()).send();
        var renamed = api.patch("/v1/customers/" + other.at("/id"), Map.of("email", LookAlikes.fullWidth(email)))
                .header("If-Match", other.header("ETag"))
                .send();
        assertThat(renamed.status()).isEqualTo(409);
    }

    @Test
    void listFiltersByNameOrEmailAndPages() {
        String token = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            var body = CustomerData.aCustomer();
            body.put("name", "Customer " + token + " " + i);
            api.post("/v1/customers", body).send();
        }

        var first = api.get("/v1/customers?limit=2&q=" + token).send();
        assertThat(first.json().get("data").size()).isEqualTo(2);
        var second = api.get("/v1/customers?limit=2&q=" + token + "&cursor=" + first.at("/next_cursor"))
                .send();
        assertThat(second.json().get("data").size()).isEqualTo(1);
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void aCustomerWithOrdersCannotBeDeleted() {
        String customer = CustomerData.create(api);
        String product = ProductData.create(api, ProductData.aProduct("For an order", "2.00", 5));
        var order = api.post(
                        "/v1/orders",
                        Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .send();
        assertThat(order.status()).as(order.body()).isEqualTo(201);

        var refused = api.delete("/v1/customers/" + customer).send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/customer-has-orders");
        assertThat(api.get("/v1/customers/" + customer).send().status()).isEqualTo(200);
    }
}
