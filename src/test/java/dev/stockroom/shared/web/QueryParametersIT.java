package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Query parameters bound as one record per list: enums by their wire names only, and every invalid parameter
 * answered at once, also when one of them cannot even be converted.
 */
@ApiTest
class QueryParametersIT {

    @Autowired
    Api api;

    @Test
    void anUnknownStatusIsListedWithTheOtherErrorsAndNamesTheAllowedValues() {
        var refused = api.get("/v1/orders?status=lost&limit=0&customer_id=nope").send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("parameter"))
                .containsExactlyInAnyOrder("status", "limit", "customer_id");
        var status = errorAt(refused, "status");
        assertThat(status.get("detail").asString())
                .isEqualTo("must be one of pending, confirmed, shipped, delivered, cancelled");
        assertThat(status.get("code").asString()).isEqualTo("pattern");
        assertThat(errorAt(refused, "customer_id").get("code").asString()).isEqualTo("invalid_type");
    }

    @Test
    void enumsAreBoundByTheirWireNamesAndNotByTheirJavaNames() {
        assertThat(api.get("/v1/orders?status=pending").send().status()).isEqualTo(200);
        assertThat(api.get("/v1/orders?status=PENDING").send().status()).isEqualTo(422);
        assertThat(api.get("/v1/products?sort=-price").send().status()).isEqualTo(200);
        assertThat(api.get("/v1/products?sort=PRICE_DESC").send().status()).isEqualTo(422);
    }

    @Test
    void everyListTakesTheSamePageParameters() {
        for (String list : List.of("/v1/products", "/v1/orders", "/v1/customers", "/v1/users", "/v1/clients")) {
            var tooMany = api.get(list + "?limit=101").send();
            var notANumber = api.get(list + "?limit=ten").send();

            assertThat(tooMany.status()).as(list).isEqualTo(422);
            assertThat(errorAt(tooMany, "limit").get("code").asString())
                    .as(list)
                    .isEqualTo("max");
            assertThat(notANumber.status()).as(list).isEqualTo(422);
            assertThat(errorAt(notANumber, "limit").get("code").asString())
                    .as(list)
                    .isEqualTo("invalid_type");
            assertThat(api.get(list + "?limit=100").send().status()).as(list).isEqualTo(200);
        }
    }

    @Test
    void aFilterBesidesThePageParametersIsCheckedWithThem() {
        var refused = api.get("/v1/customers?q=" + "x".repeat(201) + "&limit=0").send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("parameter"))
                .containsExactlyInAnyOrder("q", "limit");
    }

    @Test
    void anEmptyEnumParameterIsNoFilter() {
        assertThat(api.get("/v1/orders?status=").send().status()).isEqualTo(200);
        assertThat(api.get("/v1/products?sort=").send().status()).isEqualTo(200);
    }

    private static JsonNode errorAt(Response response, String parameter) {
        for (JsonNode error : response.json().get("errors")) {
            if (parameter.equals(error.path("parameter").asString())) {
                return error;
            }
        }
        throw new AssertionError("no error for " + parameter + " in " + response.json());
    }
}
