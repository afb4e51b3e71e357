package dev.stockroom.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A key belongs to one application acting for one subject, and is consulted only after the operation's scope
 * check: another application signed in as the same person cannot replay what the first one stored, nor learn
 * which keys exist.
 */
@ApiTest
class IdempotencyKeyOwnershipIT {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    Api api;

    String email;
    String password;

    @BeforeEach
    void setUp() {
        email = "owner-" + UUID.randomUUID() + "@example.com";
        password = "keys belong to applications";
        var user = api.post("/v1/users", Map.of("email", email, "password", password, "role", "admin"))
                .send();
        assertThat(user.status()).isEqualTo(201);
    }

    @Test
    void anotherApplicationOfTheSamePersonWithoutTheScopeGets403NotTheStoredResponse() {
        var adminApp = api.withToken(signIn(List.of("users:admin", "products:read")));
        var readerApp = api.withToken(signIn(List.of("products:read")));
        String key = UUID.randomUUID().toString();
        var registration = Map.of("name", "Registered by the admin app", "scopes", List.of("products:read"));
        var stored = adminApp.post("/v1/clients", registration)
                .header("Idempotency-Key", key)
                .send();

        var replayAttempt = readerApp
                .post("/v1/clients", registration)
                .header("Idempotency-Key", key)
                .send();

        assertThat(stored.status()).isEqualTo(201);
        assertThat(replayAttempt.status()).isEqualTo(403);
        assertThat(replayAttempt.header("Idempotent-Replayed")).isNull();
        assertThat(replayAttempt.at("/type")).isEqualTo("https://stockroom.dev/problems/insufficient-scope");
        assertThat(replayAttempt.body()).doesNotContain(stored.at("/client_secret"), stored.at("/client_id"));
    }

    @Test
    void withoutTheScopeAnotherBodyUnderAnExistingKeyAlsoAnswers403Not422() {
        var adminApp = api.withToken(signIn(List.of("users:admin", "products:read")));
        var readerApp = api.withToken(signIn(List.of("products:read")));
        String key = UUID.randomUUID().toString();
        adminApp.post("/v1/clients", Map.of("name", "First", "scopes", List.of("products:read")))
                .header("Idempotency-Key", key)
                .send();

        var probe = readerApp
                .post("/v1/clients", Map.of("name", "Probe", "scopes", List.of("products:read")))
                .header("Idempotency-Key", key)
                .send();

        assertThat(probe.status()).isEqualTo(403);
    }

    @Test
    void anotherApplicationOfTheSamePersonWithTheScopeHasKeysOfItsOwn() {
        var firstApp = api.withToken(signIn(List.of("users:admin", "products:read")));
        var secondApp = api.withToken(signIn(List.of("users:admin", "products:read")));
        String key = UUID.randomUUID().toString();
        var registration = Map.of("name", "Registered twice", "scopes", List.of("products:read"));
        var first = firstApp.post("/v1/clients", registration)
                .header("Idempotency-Key", key)
                .send();

        var second = secondApp
                .post("/v1/clients", registration)
                .header("Idempotency-Key", key)
                .send();
        var otherBody = secondApp
                .post("/v1/clients", Map.of("name", "Another body", "scopes", List.of("products:read")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.at("/client_id")).isNotEqualTo(first.at("/client_id"));
        assertThat(second.at("/client_secret")).isNotEqualTo(first.at("/client_secret"));
        assertThat(otherBody.status()).isEqualTo(201);
        assertThat(secondApp
                        .post("/v1/clients", registration)
                        .header("Idempotency-Key", key)
                        .send()
                        .at("/client_id"))
                .isEqualTo(second.at("/client_id"));
    }

    @Test
    void anotherClientUnderTheSameKeyWithAnotherBodyGetsANewKeyNot422() {
        String key = UUID.randomUUID().toString();
        api.post("/v1/clients", Map.of("name", "The admin's", "scopes", List.of("products:read")))
                .header("Idempotency-Key", key)
                .send();
        var other = api.post(
                        "/v1/clients",
                        Map.of("name", "Another admin", "scopes", List.of("users:admin", "products:read")))
                .send();
        var otherAdmin =
                api.withToken(api.anonymous().clientToken(other.at("/client_id"), other.at("/client_secret"), null));

        var theirs = otherAdmin
                .post("/v1/clients", Map.of("name", "Theirs", "scopes", List.of("products:read")))
                .header("Idempotency-Key", key)
                .send();

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
    }

    /** Registers an application for people and signs the test's person in through it; answers the token. */
    private String signIn(List<String> scopes) {
        var app = api.post(
                        "/v1/clients",
                        Map.of("name", "App " + scopes, "scopes", scopes, "redirect_uris", List.of(REDIRECT)))
                .send();
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        String clientId = app.at("/client_id");
        var browser = new Browser(api.port());
        String verifier = Browser.newVerifier();
        String scope = String.join(" ", scopes);
        assertThat(browser.get(browser.authorizeUrl(clientId, REDIRECT, scope, "s", Browser.challengeOf(verifier)))
                        .status())
                .isEqualTo(302);
        var loggedIn = browser.logIn(email, password);
        assertThat(loggedIn.status()).isEqualTo(302);
        var back = browser.get(loggedIn.header("Location"));
        String code = Browser.parameter(back.header("Location"), "code");
        var tokens = api.anonymous()
                .tokenRequest(
                        clientId,
                        app.at("/client_secret"),
                        Browser.encode(Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", REDIRECT,
                                "code_verifier", verifier)));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens.at("/access_token");
    }
}
