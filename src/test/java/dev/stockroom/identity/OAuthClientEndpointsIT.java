package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The endpoints for clients ({@code /oauth2/token}, {@code /oauth2/introspect}, {@code /oauth2/revoke}): a
 * client learns about its own tokens only, and a request without client authentication is an OAuth error, never
 * a trip to the login form.
 */
@ApiTest
class OAuthClientEndpointsIT {

    private static final List<String> CLIENT_ENDPOINTS =
            List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

    @Autowired
    Api api;

    @Test
    void aClientIntrospectsItsOwnTokens() {
        var client = aClient("products:read");
        String token = api.anonymous().clientToken(client.id(), client.secret(), null);

        var introspected = introspect(client, token);

        assertThat(introspected.status()).isEqualTo(200);
        assertThat(introspected.json().get("active").asBoolean()).isTrue();
        assertThat(introspected.at("/client_id")).isEqualTo(client.id());
    }

    @Test
    void anotherClientsTokenIsInactiveToAClientWithoutTheIntrospectionScope() {
        var owner = aClient("orders:write");
        var snoop = aClient("products:read");
        String token = api.anonymous().clientToken(owner.id(), owner.secret(), null);

        var introspected = introspect(snoop, token);

        assertThat(introspected.status()).isEqualTo(200);
        assertThat(introspected.json().propertyNames()).containsExactly("active");
        assertThat(introspected.json().get("active").asBoolean()).isFalse();
        assertThat(introspected.body()).doesNotContain(owner.id()).doesNotContain("orders:write");
        assertThat(introspect(owner, token).json().get("active").asBoolean())
                .as("still active for its owner")
                .isTrue();
    }

    @Test
    void aClientWithTheIntrospectionScopeIntrospectsAnyToken() {
        var owner = aClient("orders:write");
        var gateway = aClient("tokens:introspect");
        String token = api.anonymous().clientToken(owner.id(), owner.secret(), null);

        var introspected = introspect(gateway, token);

        assertThat(introspected.json().get("active").asBoolean()).isTrue();
        assertThat(introspected.at("/client_id")).isEqualTo(owner.id());
        assertThat(introspected.at("/scope")).isEqualTo("orders:write");
    }

    @Test
    void clientEndpointsWithoutClientAuthenticationAnswerInvalidClient() {
        for (String endpoint : CLIENT_ENDPOINTS) {
            for (String accept : new String[] {"text/html", "*/*", null}) {
                var call = api.anonymous()
                        .request("POST", endpoint, BodyPublishers.ofString("grant_type=client_credentials&token=x"))
                        .header("Content-Type", "application/x-www-form-urlencoded");
                call = accept == null ? call.withoutHeader("Accept") : call.header("Accept", accept);

                var response = call.send();

                String what = endpoint + " with Accept " + accept;
                assertThat(response.status()).as(what).isEqualTo(401);
                assertThat(response.header("Location")).as(what).isNull();
                assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Basic ");
                assertThat(response.contentType()).as(what).startsWith("application/json");
                assertThat(response.at("/error")).as(what).isEqualTo("invalid_client");
            }
        }
    }

    @Test
    void theAuthorizationEndpointStillSendsABrowserToTheLoginForm() {
        var browser = new Browser(api.port());

        var response = browser.get(browser.authorizeUrl(
                "stockroom-docs",
                "http://stockroom.test/swagger-ui/oauth2-redirect.html",
                "openid",
                "s",
                Browser.challengeOf(Browser.newVerifier())));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    private Response introspect(Client caller, String token) {
        String basic = Base64.getEncoder().encodeToString((caller.id() + ":" + caller.secret()).getBytes());
        return api.anonymous()
                .request("POST", "/oauth2/introspect", BodyPublishers.ofString("token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
    }

    private Client aClient(String scope) {
        var created = api.post("/v1/clients", Map.of("name", "Introspecting " + scope, "scopes", List.of(scope)))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Client(created.at("/client_id"), created.at("/client_secret"));
    }

    private record Client(String id, String secret) {}
}
