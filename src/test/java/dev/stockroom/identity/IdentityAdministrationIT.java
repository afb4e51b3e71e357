package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.LookAlikes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /v1/clients}, {@code /v1/users} and {@code /v1/me}, and what must never leak from them. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityAdministrationIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Test
    void aRegisteredClientGetsItsSecretOnceAndTokensWithItsScopesOnly() {
        var created = api.post("/v1/clients", Map.of("name", "Partner", "scopes", List.of("products:read")))
                .send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/v1/clients/" + created.at("/id"));
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        String secret = created.at("/client_secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.json().get("grant_types").toString()).isEqualTo("[\"client_credentials\"]");

        var fetched = api.get("/v1/clients/" + created.at("/id")).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain(secret).doesNotContain("secret");
        String stored = jdbc.sql("select secret_hash from api_client where id = :id")
                .param("id", UUID.fromString(created.at("/id")))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);

        String token = api.anonymous().clientToken(created.at("/client_id"), secret, null);
        var partner = api.withToken(token);
        assertThat(partner.get("/v1/products?limit=1").send().status()).isEqualTo(200);
        assertThat(partner.post("/v1/products", Map.of()).send().status()).isEqualTo(403);
        var me = partner.get("/v1/me").send();
        assertThat(me.at("/principal_type")).isEqualTo("client");
        assertThat(me.at("/subject")).isEqualTo(created.at("/client_id"));
        assertThat(me.json().get("scopes").toString()).isEqualTo("[\"products:read\"]");

        var tooMuch = api.anonymous()
                .tokenRequest(created.at("/client_id"), secret, "grant_type=client_credentials&scope=users:admin");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.at("/error")).isEqualTo("invalid_scope");
    }

    @Test
    void aClientBoundToACustomerCarriesTheBindingInItsTokens() {
        String customer = dev.stockroom.support.CustomerData.create(api);
        var created = api.post(
                        "/v1/clients",
                        Map.of("name", "Bound partner", "scopes", List.of("orders:read"), "customer_id", customer))
                .send();

        assertThat(created.at("/customer_id")).isEqualTo(customer);
        String token = api.anonymous().clientToken(created.at("/client_id"), created.at("/client_secret"), null);
        assertThat(api.withToken(token).get("/v1/me").send().at("/customer_id")).isEqualTo(customer);
    }

    @Test
    void accessTokensAreShortLivedRs256JwtsWithTheStandardClaims() {
        var response = api.anonymous()
                .tokenRequest(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "grant_type=client_credentials");
        String token = response.at("/access_token");
        var header = Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        var claims = Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("kid").asString()).isNotBlank();
        assertThat(claims.get("iss").asString()).isEqualTo("http://stockroom.test");
        assertThat(claims.get("aud").toString()).contains("stockroom-api");
        assertThat(claims.get("sub").asString()).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(claims.get("scope").asString()).contains("products:read").contains("users:admin");
        assertThat(claims.get("jti").asString()).isNotBlank();
        long lifetime = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertThat(lifetime).isEqualTo(600);
        assertThat(response.json().get("expires_in").asLong()).isBetween(598L, 600L);
    }

    @Test
    void introspectionAndRevocationAndMetadataAreServed() {
        String token = api.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "products:read");

        var introspected = basicForm("/oauth2/introspect", "token=" + token);
        assertThat(introspected.status()).isEqualTo(200);
        assertThat(introspected.json().get("active").asBoolean()).isTrue();

        assertThat(basicForm("/oauth2/revoke", "token=" + token).status()).isEqualTo(200);
        assertThat(basicForm("/oauth2/introspect", "token=" + token)
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();

        for (String metadata :
                List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            var document = api.anonymous().get(metadata).send();
            assertThat(document.status()).as(metadata).isEqualTo(200);
            assertThat(document.at("/issuer")).isEqualTo("http://stockroom.test");
            assertThat(document.at("/token_endpoint")).isEqualTo("http://stockroom.test/oauth2/token");
            assertThat(document.json().get("code_challenge_methods_supported").toString())
                    .isEqualTo("[\"S256\"]");
        }
    }

    private dev.stockroom.support.Response basicForm(String path, String form) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((Api.ADMIN_CLIENT_ID + ":" + Api.ADMIN_CLIENT_SECRET).getBytes());
        return api.anonymous()
                .request("POST", path, java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
    }

    @Test
    void aClientCannotBeBoundToACustomerThatDoesNotExist() {
        var refused = api.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "Ghost partner",
                                "scopes",
                                List.of("orders:read"),
                                "customer_id",
                                UUID.randomUUID()))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/0/pointer")).isEqualTo("/customer_id");
    }

    @Test
    void clientRequestsAreValidated() {
        var refused = api.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "",
                                "scopes",
                                List.of("products:read", "root"),
                                "redirect_uris",
                                List.of("ftp://x")))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .contains("/name", "/scopes/1", "/redirect_uris/0");
    }

    @Test
    void aClientIsChangedWithItsETagAndOnlyInTheFieldsThatMayChange() {
        var created = api.post("/v1/clients", Map.of("name", "Before", "scopes", List.of("products:read")))
                .send();
        String path = "/v1/clients/" + created.at("/id");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        var renamed = api.patch(path, Map.of("name", "After"))
                .header("If-Match", "\"1\"")
                .send();
        var stale = api.patch(path, Map.of("name", "Lost update"))
                .header("If-Match", "\"1\"")
                .send();
        var widened = api.patch(path, Map.of("scopes", List.of("products:read", "orders:write")))
                .send();
        var nulled = api.patch(path, java.util.Collections.singletonMap("name", null))
                .send();
        var staleDelete = api.delete(path).header("If-Match", "\"1\"").send();

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.at("/name")).isEqualTo("After");
        assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.at("/current_version")).isEqualTo("2");
        assertThat(widened.status()).isEqualTo(422);
        assertThat(nulled.status()).isEqualTo(422);
        assertThat(nulled.at("/errors/0/pointer")).isEqualTo("/name");
        assertThat(staleDelete.status()).isEqualTo(412);
        var read = api.get(path).send();
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(read.at("/name")).isEqualTo("After");
        assertThat(read.at("/scopes/0")).isEqualTo("products:read");
        assertThat(api.delete(path).header("If-Match", "\"2\"").send().status()).isEqualTo(204);
        assertThat(api.patch(path, Map.of("name", "Gone")).send().status()).isEqualTo(404);
    }

    @Test
    void deletedClientsGetNoToken() {
        var created = api.post("/v1/clients", Map.of("name", "Leaving", "scopes", List.of("products:read")))
                .send();

        assertThat(api.delete("/v1/clients/" + created.at("/id")).send().status())
                .isEqualTo(204);

        var refused = api.anonymous()
                .tokenRequest(created.at("/client_id"), created.at("/client_secret"), "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.at("/error")).isEqualTo("invalid_client");
        assertThat(api.get("/v1/clients/" + created.at("/id")).send().status()).isEqualTo(404);
    }

    @Test
    void unknownClientAndWrongSecretLookTheSame() {
        var created = api.post("/v1/clients", Map.of("name", "Known", "scopes", List.of("products:read")))
                .send();

        var wrongSecret =
                api.anonymous().tokenRequest(created.at("/client_id"), "wrong-secret", "grant_type=client_credentials");
        var unknown = api.anonymous()
                .tokenRequest(UUID.randomUUID().toString(), "wrong-secret", "grant_type=client_credentials");

        assertThat(wrongSecret.status()).isEqualTo(401).isEqualTo(unknown.status());
        assertThat(wrongSecret.body()).isEqualTo(unknown.body());
    }

    @Test
    void passwordAndImplicitGrantsDoNotExist() {
        for (String grant : List.of("password", "implicit")) {
            var refused = api.anonymous()
                    .tokenRequest(
                            Api.ADMIN_CLIENT_ID,
                            Api.ADMIN_CLIENT_SECRET,
                            "grant_type=" + grant + "&username=admin@stockroom.test&password=test-admin-password-1234");
            assertThat(refused.status()).as(grant).isEqualTo(400);
            assertThat(refused.at("/error")).isEqualTo("unsupported_grant_type");
        }
        var implicit = new Browser(api.port())
                .get("/oauth2/authorize?response_type=token&client_id=stockroom-docs&scope=products:read");
        assertThat(implicit.status()).isIn(302, 400);
        assertThat(String.valueOf(implicit.header("Location"))).doesNotContain("access_token");
    }

    @Test
    void clientsArePaginated() {
        var seen = new HashSet<String>();
        String next = "/v1/clients?limit=2";
        for (int page = 0; next != null && page < 500; page++) {
            var response = api.get(next).send();
            assertThat(response.status()).isEqualTo(200);
            response.json()
                    .get("data")
                    .forEach(client ->
                            assertThat(seen.add(client.get("id").asString())).isTrue());
            next = response.json().get("next_cursor").isNull()
                    ? null
                    : "/v1/clients?limit=2&cursor=" + response.at("/next_cursor");
        }
        assertThat(seen).isNotEmpty();
    }

    @Test
    void userLifecycleWithoutEverShowingThePassword() {
        String email = "User-" + UUID.randomUUID() + "@Example.com";
        String password = "twelve chars or more " + UUID.randomUUID();

        var created = api.post("/v1/users", Map.of("email", email, "password", password, "role", "viewer"))
                .send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/email")).isEqualTo(email.toLowerCase());
        assertThat(created.at("/role")).isEqualTo("viewer");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.body()).doesNotContain(password).doesNotContain("password");
        String id = created.at("/id");

        var changed = api.patch("/v1/users/" + id, Map.of("role", "support"))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.at("/role")).isEqualTo("support");
        assertThat(api.patch("/v1/users/" + id, Map.of("role", "admin"))
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(412);

        var list = api.get("/v1/users?limit=100").send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("password");

        assertThat(api.delete("/v1/users/" + id).send().status()).isEqualTo(204);
        assertThat(api.get("/v1/users/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void userRequestsAreValidated() {
        var refused = api.post("/v1/users", Map.of("email", "not-an-email", "password", "short", "role", "root"))
                .send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer")).contains("/email", "/password", "/role");

        String id = api.post(
                        "/v1/users",
                        Map.of(
                                "email",
                                UUID.randomUUID() + "@example.com",
                                "password",
                                "long enough password",
                                "role",
                                "viewer"))
                .send()
                .at("/id");
        var nulls = new HashMap<String, Object>();
        nulls.put("enabled", null);
        nulls.put("password", "short");
        var badPatch = api.patch("/v1/users/" + id, nulls).send();
        assertThat(badPatch.status()).isEqualTo(422);
        assertThat(badPatch.json().get("errors").findValuesAsString("pointer")).contains("/enabled", "/password");
    }

    @Test
    void duplicateEmailAnswersConflict() {
        String email = UUID.randomUUID() + "@example.com";
        var body = Map.of("email", email, "password", "long enough password", "role", "viewer");
        assertThat(api.post("/v1/users", body).send().status()).isEqualTo(201);

        var duplicate = api.post(
                        "/v1/users",
                        Map.of("email", email.toUpperCase(), "password", "long enough password", "role", "viewer"))
                .send();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.at("/type")).isEqualTo("https://stockroom.dev/problems/duplicate-email");
    }

    @Test
    void lookAlikeSpellingsOfAnEmailAreNotANewUser() {
        String email = "look-alike-" + UUID.randomUUID() + "@example.com";
        var body = new HashMap<String, Object>(
                Map.of("email", email, "password", "long enough password", "role", "viewer"));
        assertThat(api.post("/v1/users", body).send().status()).isEqualTo(201);

        body.put("email", LookAlikes.fullWidth(email));
        var fullWidth = api.post("/v1/users", body).send();
        assertThat(fullWidth.status()).isEqualTo(409);
        assertThat(fullWidth.at("/type")).isEqualTo("https://stockroom.dev/problems/duplicate-email");
        for (char invisible : LookAlikes.INVISIBLE) {
            body.put("email", LookAlikes.withInvisible(email, invisible));
            var refused = api.post("/v1/users", body).send();
            assertThat(refused.status()).as("U+%04X", (int) invisible).isEqualTo(422);
            assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                    .contains("/email");
        }

        body.put("email", "other-" + UUID.randomUUID() + "@example.com");
        var other = api.post("/v1/users", body).send();
        var renamed = api.patch("/v1/users/" + other.at("/id"), Map.of("email", LookAlikes.fullWidth(email)))
                .header("If-Match", other.header("ETag"))
                .send();
        assertThat(renamed.status()).isEqualTo(409);
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        for (var response : List.of(
                api.get("/v1/products?limit=1").send(),
                api.anonymous().get("/v1/products").send(),
                api.get("/v1/nothing").send(),
                api.anonymous().get("/actuator/health/liveness").send())) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(api.get("/v1/me").send().header("Cache-Control")).isEqualTo("no-store");
        var token = api.anonymous()
                .tokenRequest(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(token.header("Cache-Control")).contains("no-store");
        assertThat(token.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void hstsIsSentOnHttpsRequestsOnly() {
        var https = api.get("/v1/products?limit=1")
                .header("X-Forwarded-Proto", "https")
                .send();
        var http = api.get("/v1/products?limit=1").send();

        assertThat(https.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(http.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void corsIsOffByDefault() {
        var preflight = api.anonymous()
                .request("OPTIONS", "/v1/products", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET")
                .send();

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void secretsTokensAndPasswordsNeverReachTheLog(CapturedOutput output) {
        String password = "never log this password " + UUID.randomUUID();
        api.post(
                        "/v1/users",
                        Map.of("email", UUID.randomUUID() + "@example.com", "password", password, "role", "viewer"))
                .send();
        var client = api.post("/v1/clients", Map.of("name", "Secretive", "scopes", List.of("products:read")))
                .send();
        String secret = client.at("/client_secret");
        var token = api.anonymous().tokenRequest(client.at("/client_id"), secret, "grant_type=client_credentials");
        String accessToken = token.at("/access_token");
        api.withToken(accessToken).get("/v1/products?limit=1").send();
        api.anonymous().tokenRequest(client.at("/client_id"), secret + "x", "grant_type=client_credentials");
        api.post("/v1/users", "{\"email\": \"bad\", \"password\": \"" + password + "\", \"role\": 1}")
                .send();
        new Browser(api.port()).logIn("someone@example.com", password);

        assertThat(output.getAll())
                .doesNotContain(password)
                .doesNotContain(secret)
                .doesNotContain(accessToken)
                .doesNotContain(Api.ADMIN_CLIENT_SECRET);
    }
}
