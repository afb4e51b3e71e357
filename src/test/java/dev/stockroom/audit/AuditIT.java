package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ApiTest
class AuditIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Test
    void everyProductChangeIsRecordedExactlyOnceWithWhoWhereAndWhat() {
        String id = api.post("/v1/products", ProductData.aProduct("Audited", "10.00", 5))
                .header("X-Request-Id", "audit-create-1")
                .send()
                .at("/id");
        api.patch("/v1/products/" + id, Map.of("price", 12.5, "name", "Audited"))
                .send();
        api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -2, "reason", "broken"))
                .send();
        api.delete("/v1/products/" + id).send();

        var events = events("resource_type=product&resource_id=" + id);
        assertThat(events.findValuesAsString("action"))
                .containsExactly("product.created", "product.updated", "product.stock_adjusted", "product.deleted");
        JsonNode created = events.get(0);
        assertThat(created.get("actor").asString()).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(created.get("actor_type").asString()).isEqualTo("client");
        assertThat(created.get("request_id").asString()).isEqualTo("audit-create-1");
        assertThat(created.get("client_ip").asString()).isNotBlank();
        assertThat(created.at("/changes/name/after").asString()).isEqualTo("Audited");
        assertThat(created.at("/changes/name/before").isNull()).isTrue();
        JsonNode updated = events.get(1);
        assertThat(updated.get("changes").propertyNames()).containsExactly("price");
        assertThat(updated.at("/changes/price/before").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(updated.at("/changes/price/after").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(events.get(2).at("/changes/stock/before").asInt()).isEqualTo(5);
        assertThat(events.get(2).at("/changes/stock/after").asInt()).isEqualTo(3);
    }

    @Test
    void aNoOpChangeRecordsNothing() {
        String id = ProductData.create(api, ProductData.aProduct("Same", "1.00", 1));

        api.patch("/v1/products/" + id, Map.of("name", "Same")).send();

        assertThat(events("resource_id=" + id).size()).isEqualTo(1);
    }

    @Test
    void customerOrderAndTransitionsAreRecorded() {
        String customer = CustomerData.create(api);
        String product = ProductData.create(api, ProductData.aWidget());
        String order = api.post(
                        "/v1/orders",
                        Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .send()
                .at("/id");
        api.post("/v1/orders/" + order + "/confirm", "").send();
        api.post("/v1/orders/" + order + "/cancel", Map.of("reason", "out of budget"))
                .send();
        api.post("/v1/orders/" + order + "/ship", "").send(); // refused: no event

        assertThat(events("resource_id=" + customer).findValuesAsString("action"))
                .containsExactly("customer.created");
        var orderEvents = events("resource_type=order&resource_id=" + order);
        assertThat(orderEvents.findValuesAsString("action"))
                .containsExactly("order.placed", "order.confirmed", "order.cancelled");
        assertThat(orderEvents.get(2).at("/changes/status/before").asString()).isEqualTo("confirmed");
        assertThat(orderEvents.get(2).at("/changes/reason/after").asString()).isEqualTo("out of budget");
    }

    @Test
    void clientAndUserAdministrationIsRecordedWithoutSecrets() {
        String password = "audited password " + UUID.randomUUID();
        var user = api.post(
                        "/v1/users",
                        Map.of("email", UUID.randomUUID() + "@example.com", "password", password, "role", "viewer"))
                .send();
        api.patch("/v1/users/" + user.at("/id"), Map.of("password", password + "2", "role", "support"))
                .send();
        var client = api.post("/v1/clients", Map.of("name", "Audited client", "scopes", List.of("orders:read")))
                .send();
        api.patch("/v1/clients/" + client.at("/id"), Map.of("rate_limit", "5/1s"))
                .send();
        api.delete("/v1/clients/" + client.at("/id")).send();

        var userEvents = events("resource_type=user&resource_id=" + user.at("/id"));
        assertThat(userEvents.findValuesAsString("action")).containsExactly("user.created", "user.updated");
        assertThat(userEvents.get(1).at("/changes/role/after").asString()).isEqualTo("support");
        assertThat(userEvents.get(1).at("/changes/password/after").asString()).isEqualTo("changed");
        var clientEvents = events("resource_type=client&resource_id=" + client.at("/id"));
        assertThat(clientEvents.findValuesAsString("action"))
                .containsExactly("client.created", "client.updated", "client.deleted");
        assertThat(clientEvents.get(1).at("/changes/rate_limit/after").asString())
                .isEqualTo("5/1s");
        String all = userEvents.toString() + clientEvents;
        assertThat(all)
                .doesNotContain(password)
                .doesNotContain(client.at("/client_secret"))
                .doesNotContain("bcrypt");
    }

    @Test
    void aRequestThatRollsBackLeavesNoEvent() {
        String failed = UUID.randomUUID().toString();
        String succeeded = UUID.randomUUID().toString();

        assertThat(api.request("POST", "/test/audited/" + failed + "?fail=true", BodyPublishers.noBody())
                        .send()
                        .status())
                .isEqualTo(500);
        assertThat(api.request("POST", "/test/audited/" + succeeded + "?fail=false", BodyPublishers.noBody())
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(events("resource_id=" + failed).size()).isZero();
        assertThat(events("resource_id=" + succeeded).size()).isEqualTo(1);
    }

    @Test
    void failedSignInsAreRecorded() {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";

        new Browser(api.port()).logIn(email, "wrong password entirely");

        var failures = events("action=sign_in.failed&actor=" + email);
        assertThat(failures.size()).isEqualTo(1);
        assertThat(failures.get(0).get("actor_type").asString()).isEqualTo("anonymous");
        assertThat(failures.get(0).at("/changes/reason").asString()).isEqualTo("bad_credentials");
        assertThat(failures.toString()).doesNotContain("wrong password entirely");
    }

    @Test
    void aTokenRequestForAScopeNotHeldIsRefusedNotAFailedSignIn() {
        var created = api.post("/v1/clients", Map.of("name", "Reader", "scopes", List.of("products:read")))
                .send();
        String clientId = created.at("/client_id");
        int signInFailuresBefore = events("action=sign_in.failed").size();

        var refused = api.anonymous()
                .tokenRequest(clientId, created.at("/client_secret"), "grant_type=client_credentials&scope=audit:read");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_scope");
        var refusals = events("action=token.refused&resource_id=" + clientId);
        assertThat(refusals.size()).isEqualTo(1);
        assertThat(refusals.get(0).at("/changes/reason/after").asString()).isEqualTo("invalid_scope");
        assertThat(refusals.get(0).get("actor").asString()).isEqualTo(clientId);
        assertThat(refusals.get(0).get("actor_type").asString()).isEqualTo("client");
        assertThat(events("action=sign_in.failed").size()).isEqualTo(signInFailuresBefore);
        assertThat(events("action=sign_in.failed&actor=" + clientId).size()).isZero();
    }

    @Test
    void failedClientAuthenticationAndRevokedTokensAreRecorded() {
        String unknownClient = "ghost-" + UUID.randomUUID();
        api.anonymous().tokenRequest(unknownClient, "wrong", "grant_type=client_credentials");
        var failures = events("action=client.authentication_failed&resource_id=client:" + unknownClient);
        assertThat(failures.size()).isEqualTo(1);
        assertThat(failures.get(0).at("/changes/reason/after").asString()).isEqualTo("invalid_client");
        assertThat(events("action=sign_in.failed&actor=client:" + unknownClient).size())
                .isZero();

        String token = api.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "products:read");
        int before = events("action=token.revoked").size();
        String basic = java.util.Base64.getEncoder()
                .encodeToString((Api.ADMIN_CLIENT_ID + ":" + Api.ADMIN_CLIENT_SECRET).getBytes());
        var revoked = api.anonymous()
                .request("POST", "/oauth2/revoke", BodyPublishers.ofString("token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
        assertThat(revoked.status()).isEqualTo(200);
        var events = events("action=token.revoked");
        assertThat(events.size()).isEqualTo(before + 1);
        assertThat(events.toString()).doesNotContain(token);
    }

    @Test
    void theTableRefusesUpdateAndDelete() {
        ProductData.create(api, ProductData.aWidget());

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void theLogIsFilteredByTimeAndPaginated() {
        String id = ProductData.create(api, ProductData.aWidget());
        api.patch("/v1/products/" + id, Map.of("name", "One")).send();
        api.patch("/v1/products/" + id, Map.of("name", "Two")).send();

        var page = api.get("/v1/audit-events?limit=2&resource_id=" + id).send();
        assertThat(page.json().get("data").size()).isEqualTo(2);
        var rest = api.get("/v1/audit-events?limit=2&resource_id=" + id + "&cursor=" + page.at("/next_cursor"))
                .send();
        assertThat(rest.json().get("data").size()).isEqualTo(1);
        String second = page.at("/data/1/occurred_at");
        assertThat(events("resource_id=" + id + "&since=" + second).size()).isEqualTo(2);
        assertThat(events("resource_id=" + id + "&until=" + second).size()).isEqualTo(1);
        assertThat(api.get("/v1/audit-events?since=yesterday").send().status()).isEqualTo(422);
    }

    @Test
    void partnerClientsBoundToACustomerReadNoAuditEventsWhileStaffStillDo() {
        String acme = CustomerData.create(api);
        String globex = CustomerData.create(api);
        var acmePartner = CustomerData.partnerOf(api, acme, List.of("audit:read", "customers:read"));
        var globexPartner = CustomerData.partnerOf(api, globex, List.of("audit:read", "customers:read"));

        for (var partner : List.of(acmePartner, globexPartner)) {
            for (String query : List.of("", "?resource_type=customer&resource_id=" + globex, "?limit=200")) {
                var refused = partner.get("/v1/audit-events" + query).send();

                assertThat(refused.status()).as(query).isEqualTo(403);
                assertThat(refused.at("/type")).isEqualTo("https://stockroom.dev/problems/bound-client");
                assertThat(refused.body())
                        .doesNotContain(acme, globex, "\"data\"", "@example")
                        .doesNotContain(Api.ADMIN_CLIENT_ID);
            }
        }
        assertThat(events("resource_type=customer&resource_id=" + globex).findValuesAsString("action"))
                .containsExactly("customer.created");
    }

    private JsonNode events(String query) {
        var response = api.get("/v1/audit-events?limit=200&" + query).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data");
    }
}
