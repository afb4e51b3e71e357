package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Response;
import dev.stockroom.support.SignIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner client bound to a customer stays bound whatever grant it uses: it cannot be registered to sign people
 * in (there is no consent screen for third parties), and a bound client that signs people in anyway (registered
 * before that rule) gets tokens narrowed to its customer.
 */
@ApiTest
class BoundClientsIT {

    private static final String REDIRECT = "https://partner.example.com/callback";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api admin;

    String acme;
    String globex;

    @BeforeEach
    void setUp() {
        acme = CustomerData.create(admin);
        globex = CustomerData.create(admin);
    }

    @Test
    void aClientBoundToACustomerCannotBeRegisteredWithRedirectUris() {
        String name = "Bound sign-in " + UUID.randomUUID();
        var refused = admin.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                name,
                                "scopes",
                                List.of("orders:read"),
                                "customer_id",
                                acme,
                                "redirect_uris",
                                List.of(REDIRECT)))
                .send();

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/errors/0/pointer")).isEqualTo("/redirect_uris");
        assertThat(jdbc.sql("select count(*) from api_client where name = :name")
                        .param("name", name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aPersonSigningInThroughABoundClientGetsTokensThatReadOnlyItsCustomersOrders() {
        String product = ProductData.create(admin, ProductData.aProduct("Bound stock", "3.00", 10));
        String acmeOrder = place(acme, product);
        String globexOrder = place(globex, product);
        var app = admin.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "Partner portal",
                                "scopes",
                                List.of("orders:read", "products:read"),
                                "redirect_uris",
                                List.of(REDIRECT)))
                .send();
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        jdbc.sql("update api_client set customer_id = :customer where id = :id")
                .param("customer", UUID.fromString(acme))
                .param("id", UUID.fromString(app.at("/id")))
                .update();
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        String password = "signing in through a partner portal";
        assertThat(admin.post("/v1/users", Map.of("email", email, "password", password, "role", "support"))
                        .send()
                        .status())
                .isEqualTo(201);

        var tokens = SignIn.tokens(
                admin,
                admin.port(),
                app.at("/client_id"),
                app.at("/client_secret"),
                REDIRECT,
                email,
                password,
                "openid orders:read");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        var refreshed = admin.anonymous()
                .tokenRequest(
                        app.at("/client_id"),
                        app.at("/client_secret"),
                        Browser.encode(
                                Map.of("grant_type", "refresh_token", "refresh_token", tokens.at("/refresh_token"))));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

        for (String accessToken : List.of(tokens.at("/access_token"), refreshed.at("/access_token"))) {
            assertThat(SignIn.claims(accessToken).path("customer_id").asString())
                    .isEqualTo(acme);
            var person = admin.withToken(accessToken);
            assertThat(person.get("/v1/me").send().at("/customer_id")).isEqualTo(acme);
            var orders = person.get("/v1/orders?limit=100").send();
            assertThat(orders.status()).isEqualTo(200);
            assertThat(orders.json().get("data").findValuesAsString("customer_id"))
                    .isNotEmpty()
                    .containsOnly(acme);
            assertThat(orders.json().get("data").findValuesAsString("id")).contains(acmeOrder);
            assertThat(person.get("/v1/orders/" + acmeOrder).send().status()).isEqualTo(200);
            assertThat(person.get("/v1/orders/" + globexOrder).send().status()).isEqualTo(404);
            assertThat(person.get("/v1/orders?limit=100&customer_id=" + globex)
                            .send()
                            .json()
                            .get("data")
                            .findValuesAsString("id"))
                    .doesNotContain(globexOrder);
        }
    }

    private String place(String customer, String product) {
        Response placed = admin.post(
                        "/v1/orders",
                        Map.of("customer_id", customer, "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.at("/id");
    }
}
