package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.SecondInstance;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two instances on one database behave like one: tokens, signing keys, sign-in sessions and refresh token
 * families are shared through PostgreSQL, so a load balancer may send any request to either.
 */
@ApiTest
class TwoInstancesIT {

    private static final String REDIRECT = "https://app.example.com/callback";
    private static SecondInstance other;

    @Autowired
    DataSource dataSource;

    @Autowired
    Api a;

    Api b;

    @BeforeEach
    void setUp() {
        if (other == null) {
            other = SecondInstance.sharing(dataSource);
        }
        b = new Api(other.port());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void aTokenFromOneInstanceIsAcceptedByTheOther() {
        String fromA = a.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, null);
        String fromB = b.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, null);

        assertThat(b.withToken(fromA).get("/v1/me").send().status()).isEqualTo(200);
        assertThat(a.withToken(fromB).get("/v1/me").send().status()).isEqualTo(200);
    }

    @Test
    void aKeyRotatedOnOneInstanceIsUsableOnTheOtherAtOnce() {
        assertThat(a.post("/v1/signing-keys", "").send().status()).isEqualTo(201);

        String signedByNewKey = a.anonymous().clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, null);

        assertThat(b.withToken(signedByNewKey).get("/v1/me").send().status()).isEqualTo(200);
    }

    @Test
    void signingInMayHopBetweenInstancesAndRefreshFamiliesAreShared() {
        String email = "hopper-" + UUID.randomUUID() + "@example.com";
        String password = "hopping between instances";
        a.post("/v1/users", Map.of("email", email, "password", password, "role", "viewer"))
                .send();
        var client = a.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "Hopper app",
                                "scopes",
                                List.of("products:read"),
                                "redirect_uris",
                                List.of(REDIRECT)))
                .send();
        String clientId = client.at("/client_id");
        String secret = client.at("/client_secret");

        var browser = new Browser(other.port());
        String verifier = Browser.newVerifier();
        String authorizeOnA = "http://localhost:" + a.port()
                + browser.authorizeUrl(clientId, REDIRECT, "products:read", "hop", Browser.challengeOf(verifier));
        assertThat(browser.get(authorizeOnA).status()).isEqualTo(302);
        var loggedInOnB = browser.logIn(email, password);
        assertThat(loggedInOnB.status()).isEqualTo(302);
        String continueAt = loggedInOnB.header("Location");
        assertThat(continueAt).contains("/oauth2/authorize");
        var back = browser.get(continueAt.replaceFirst("http://localhost:\\d+", "http://localhost:" + other.port()));
        String code = Browser.parameter(back.header("Location"), "code");

        var tokens = a.anonymous()
                .tokenRequest(
                        clientId,
                        secret,
                        Browser.encode(Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", REDIRECT,
                                "code_verifier", verifier)));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String first = tokens.at("/refresh_token");

        var rotatedOnB = b.anonymous()
                .tokenRequest(
                        clientId,
                        secret,
                        Browser.encode(Map.of("grant_type", "refresh_token", "refresh_token", first)));
        assertThat(rotatedOnB.status()).isEqualTo(200);
        var reusedOnA = a.anonymous()
                .tokenRequest(
                        clientId,
                        secret,
                        Browser.encode(Map.of("grant_type", "refresh_token", "refresh_token", first)));
        assertThat(reusedOnA.status()).isEqualTo(400);
        var familyGoneOnB = b.anonymous()
                .tokenRequest(
                        clientId,
                        secret,
                        Browser.encode(Map.of(
                                "grant_type", "refresh_token", "refresh_token", rotatedOnB.at("/refresh_token"))));
        assertThat(familyGoneOnB.status()).isEqualTo(400);
    }

    @Test
    void aPasswordChangedOnOneInstanceEndsTheSessionOnTheOther() {
        var app = appWithUser();
        var browser = new Browser(other.port());
        String verifier = Browser.newVerifier();
        assertThat(browser.get(browser.authorizeUrl(
                                app.clientId(), REDIRECT, "products:read", "s", Browser.challengeOf(verifier)))
                        .status())
                .isEqualTo(302);
        assertThat(browser.logIn(app.email(), app.password()).status()).isEqualTo(302);
        String again = browser.authorizeUrl(
                app.clientId(), REDIRECT, "products:read", "again", Browser.challengeOf(Browser.newVerifier()));
        assertThat(browser.get(again).header("Location")).startsWith(REDIRECT).contains("code=");

        var changed = a.patch("/v1/users/" + app.userId(), Map.of("password", "changed on the other instance"))
                .send();
        assertThat(changed.status()).isEqualTo(200);

        assertThat(browser.get(again).header("Location")).endsWith("/login").doesNotContain("code=");
    }

    @Test
    void oneRefreshTokenPresentedToBothInstancesAtOnceIsRedeemedOnce() throws Exception {
        var app = appWithUser();
        var tokens = dev.stockroom.support.SignIn.tokens(
                a, a.port(), app.clientId(), app.secret(), REDIRECT, app.email(), app.password(), "products:read");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String refreshToken = tokens.at("/refresh_token");
        var instances = new java.util.concurrent.atomic.AtomicInteger();

        var answers = AuthorizationCodeFlowIT.concurrently(
                8,
                () -> (instances.getAndIncrement() % 2 == 0 ? a : b)
                        .anonymous()
                        .tokenRequest(
                                app.clientId(),
                                app.secret(),
                                Browser.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .allSatisfy(refused -> assertThat(refused.at("/error")).isEqualTo("invalid_grant"));
    }

    private record App(String clientId, String secret, String userId, String email, String password) {}

    private App appWithUser() {
        String email = "two-" + UUID.randomUUID() + "@example.com";
        String password = "one person, two instances";
        var user = a.post("/v1/users", Map.of("email", email, "password", password, "role", "viewer"))
                .send();
        var client = a.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "Two instances app",
                                "scopes",
                                List.of("products:read"),
                                "redirect_uris",
                                List.of(REDIRECT)))
                .send();
        return new App(client.at("/client_id"), client.at("/client_secret"), user.at("/id"), email, password);
    }
}
