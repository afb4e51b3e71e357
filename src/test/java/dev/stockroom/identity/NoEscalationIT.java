package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.Response;
import dev.stockroom.support.SignIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No caller makes a client or user more powerful than itself: it grants only scopes it holds, a caller bound to a
 * customer registers only clients bound to that customer and administers no users, and nobody changes or deletes
 * a user who holds more than they do.
 */
@ApiTest
class NoEscalationIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";
    private static final String REDIRECT = "https://app.example.com/callback";
    private static final List<String> VIEWER_ADMIN =
            List.of("users:admin", "products:read", "customers:read", "orders:read");

    @Autowired
    Api admin;

    @BeforeEach
    void setUp() {}

    @Test
    void aBoundClientCannotRegisterAnUnboundClientOrOneBoundToAnotherCustomer() {
        String acme = CustomerData.create(admin);
        String globex = CustomerData.create(admin);
        var partner = CustomerData.partnerOf(admin, acme, List.of("users:admin", "orders:read"));

        var unbound = partner.post("/v1/clients", Map.of("name", "Escape", "scopes", List.of("orders:read")))
                .send();
        var other = partner.post(
                        "/v1/clients",
                        Map.of("name", "Sideways", "scopes", List.of("orders:read"), "customer_id", globex))
                .send();
        var own = partner.post(
                        "/v1/clients", Map.of("name", "Sibling", "scopes", List.of("orders:read"), "customer_id", acme))
                .send();

        assertRefused(unbound, "bound-client", "/customer_id");
        assertRefused(other, "bound-client", "/customer_id");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.at("/customer_id")).isEqualTo(acme);
    }

    @Test
    void aBoundClientChangesOnlyClientsBoundToItsOwnCustomer() {
        String acme = CustomerData.create(admin);
        String globex = CustomerData.create(admin);
        var partner = CustomerData.partnerOf(admin, acme, List.of("users:admin", "orders:read"));
        var sibling = admin.post(
                        "/v1/clients", Map.of("name", "Sibling", "scopes", List.of("orders:read"), "customer_id", acme))
                .send();
        var foreign = admin.post(
                        "/v1/clients",
                        Map.of("name", "Foreign", "scopes", List.of("orders:read"), "customer_id", globex))
                .send();

        var sideways = partner.patch("/v1/clients/" + foreign.at("/id"), Map.of("rate_limit", "1/1h"))
                .send();
        var own = partner.patch("/v1/clients/" + sibling.at("/id"), Map.of("rate_limit", "10/1s"))
                .send();

        assertRefused(sideways, "bound-client", null);
        assertThat(admin.get("/v1/clients/" + foreign.at("/id"))
                        .send()
                        .json()
                        .get("rate_limit")
                        .isNull())
                .isTrue();
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.at("/rate_limit")).isEqualTo("10/1s");
    }

    @Test
    void aBoundClientAdministersNoUsers() {
        String acme = CustomerData.create(admin);
        var partner = CustomerData.partnerOf(admin, acme, List.of("users:admin", "orders:read"));
        var someone = createUser(admin, "viewer");

        var created = partner.post("/v1/users", newUser("viewer")).send();
        var changed = partner.patch("/v1/users/" + someone.at("/id"), Map.of("password", "taken over by a partner"))
                .send();
        var deleted = partner.delete("/v1/users/" + someone.at("/id")).send();

        assertRefused(created, "bound-client", null);
        assertRefused(changed, "bound-client", null);
        assertRefused(deleted, "bound-client", null);
        assertThat(admin.get("/v1/users/" + someone.at("/id")).send().at("/version"))
                .isEqualTo(someone.at("/version"));
    }

    @Test
    void aClientGrantsOnlyScopesItHoldsItself() {
        var limited = clientWith(List.of("users:admin", "products:read"));

        var more = limited.post(
                        "/v1/clients", Map.of("name", "More", "scopes", List.of("products:read", "orders:read")))
                .send();
        var same = limited.post(
                        "/v1/clients", Map.of("name", "Same", "scopes", List.of("users:admin", "products:read")))
                .send();

        assertRefused(more, "scope-not-held", "/scopes");
        assertThat(more.json().get("missing_scopes").toString()).isEqualTo("[\"orders:read\"]");
        assertThat(same.status()).as(same.body()).isEqualTo(201);
    }

    @Test
    void aClientCreatesNoUserWhoseRoleHoldsMoreThanItDoes() {
        var limited = clientWith(VIEWER_ADMIN);

        assertThat(limited.post("/v1/users", newUser("viewer")).send().status()).isEqualTo(201);
        assertRefused(limited.post("/v1/users", newUser("support")).send(), "scope-not-held", "/role");
        assertRefused(limited.post("/v1/users", newUser("admin")).send(), "scope-not-held", "/role");
    }

    @Test
    void aPersonCreatesNoUserOrClientBeyondWhatTheirTokenHolds() {
        var person = personWith(VIEWER_ADMIN);

        assertThat(person.post("/v1/users", newUser("viewer")).send().status()).isEqualTo(201);
        assertRefused(person.post("/v1/users", newUser("admin")).send(), "scope-not-held", "/role");
        assertRefused(person.post("/v1/users", newUser("catalog_manager")).send(), "scope-not-held", "/role");
        assertRefused(
                person.post("/v1/clients", Map.of("name", "Writer", "scopes", List.of("products:write")))
                        .send(),
                "scope-not-held",
                "/scopes");
    }

    @Test
    void nobodyRaisesAUserOrTakesOverOneWhoHoldsMoreThanThey() {
        var limited = clientWith(VIEWER_ADMIN);
        var viewer = createUser(admin, "viewer");
        var anAdmin = createUser(admin, "admin");

        var promoted = limited.patch("/v1/users/" + viewer.at("/id"), Map.of("role", "admin"))
                .send();
        var takenOver = limited.patch("/v1/users/" + anAdmin.at("/id"), Map.of("password", "now the password is mine"))
                .send();
        var demoted = limited.patch("/v1/users/" + anAdmin.at("/id"), Map.of("role", "viewer"))
                .send();
        var disabled = limited.patch("/v1/users/" + anAdmin.at("/id"), Map.of("enabled", false))
                .send();
        var deleted = limited.delete("/v1/users/" + anAdmin.at("/id")).send();
        var renamed = limited.patch(
                        "/v1/users/" + viewer.at("/id"),
                        Map.of("email", "renamed-" + UUID.randomUUID() + "@example.com"))
                .send();

        assertRefused(promoted, "scope-not-held", "/role");
        for (var refused : List.of(takenOver, demoted, disabled, deleted)) {
            assertRefused(refused, "scope-not-held", null);
        }
        assertThat(admin.get("/v1/users/" + anAdmin.at("/id")).send().at("/version"))
                .isEqualTo(anAdmin.at("/version"));
        assertThat(admin.get("/v1/users/" + viewer.at("/id")).send().at("/role"))
                .isEqualTo("viewer");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    @Test
    void nobodyChangesOrDeletesAClientThatHoldsMoreThanThey() {
        var limited = clientWith(VIEWER_ADMIN);
        var stronger = admin.post("/v1/clients", Map.of("name", "Stronger", "scopes", List.of("orders:write")))
                .send();
        var weaker = admin.post("/v1/clients", Map.of("name", "Weaker", "scopes", List.of("products:read")))
                .send();

        var unthrottled = limited.patch("/v1/clients/" + stronger.at("/id"), Map.of("rate_limit", "1000000/1s"))
                .send();
        var deleted = limited.delete("/v1/clients/" + stronger.at("/id")).send();
        var renamed = limited.patch("/v1/clients/" + weaker.at("/id"), Map.of("name", "Weaker still"))
                .send();

        assertRefused(unthrottled, "scope-not-held", null);
        assertRefused(deleted, "scope-not-held", null);
        assertThat(admin.get("/v1/clients/" + stronger.at("/id")).send().header("ETag"))
                .isEqualTo("\"1\"");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.at("/name")).isEqualTo("Weaker still");
    }

    private static void assertRefused(Response response, String type, String pointer) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/type")).isEqualTo(PROBLEMS + type);
        if (pointer != null) {
            assertThat(response.at("/errors/0/pointer")).isEqualTo(pointer);
        }
    }

    /** An unbound machine client with these scopes, as an API acting with its token. */
    private Api clientWith(List<String> scopes) {
        var client = admin.post("/v1/clients", Map.of("name", "Limited " + scopes, "scopes", scopes))
                .send();
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        return admin.withToken(
                admin.anonymous().clientToken(client.at("/client_id"), client.at("/client_secret"), null));
    }

    /** An admin who signed in through an app that may ask only for these scopes. */
    private Api personWith(List<String> scopes) {
        var app = admin.post(
                        "/v1/clients",
                        Map.of("name", "App " + scopes, "scopes", scopes, "redirect_uris", List.of(REDIRECT)))
                .send();
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        var person = newUser("admin");
        assertThat(admin.post("/v1/users", person).send().status()).isEqualTo(201);
        var tokens = SignIn.tokens(
                admin,
                admin.port(),
                app.at("/client_id"),
                app.at("/client_secret"),
                REDIRECT,
                String.valueOf(person.get("email")),
                String.valueOf(person.get("password")),
                String.join(" ", scopes));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return admin.withToken(tokens.at("/access_token"));
    }

    private static Response createUser(Api api, String role) {
        var created = api.post("/v1/users", newUser(role)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static Map<String, Object> newUser(String role) {
        var body = new HashMap<String, Object>();
        body.put("email", role + "-" + UUID.randomUUID() + "@example.com");
        body.put("password", "a long enough passphrase");
        body.put("role", role);
        return body;
    }
}
