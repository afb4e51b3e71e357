package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** People sign in through the login form: authorization code with PKCE, refresh token rotation, revocation. */
@ApiTest
class AuthorizationCodeFlowIT {

    private static final String REDIRECT = "https://app.example.com/callback";

    @Autowired
    Api api;

    String email;
    String password;
    String userId;
    String clientId;
    String clientSecret;

    @BeforeEach
    void setUp() {
        email = "person-" + UUID.randomUUID() + "@example.com";
        password = "a long and secret passphrase " + UUID.randomUUID();
        var user = api.post("/v1/users", Map.of("email", email, "password", password, "role", "support"))
                .send();
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        userId = user.at("/id");
        var client = api.post(
                        "/v1/clients",
                        Map.of(
                                "name",
                                "Web app",
                                "scopes",
                                List.of("products:read", "products:write", "orders:read"),
                                "redirect_uris",
                                List.of(REDIRECT)))
                .send();
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        clientId = client.at("/client_id");
        clientSecret = client.at("/client_secret");
    }

    @Test
    void personSignsInWithPkceAndGetsTokensLimitedToTheirRole() {
        var tokens = signIn("openid products:read products:write orders:read");

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.header("Cache-Control")).contains("no-store");
        JsonNode claims = claims(tokens.at("/access_token"));
        assertThat(claims.get("sub").asString()).isEqualTo(userId);
        assertThat(claims.get("principal_type").asString()).isEqualTo("user");
        assertThat(claims.get("scope").asString().split(" "))
                .contains("products:read", "orders:read")
                .doesNotContain("products:write");
        assertThat(tokens.at("/refresh_token")).isNotBlank();
        assertThat(tokens.at("/id_token")).isNotBlank();

        var person = api.withToken(tokens.at("/access_token"));
        assertThat(person.get("/v1/products?limit=1").send().status()).isEqualTo(200);
        assertThat(person.post("/v1/products", Map.of()).send().status()).isEqualTo(403);
        var me = person.get("/v1/me").send();
        assertThat(me.at("/principal_type")).isEqualTo("user");
        assertThat(me.at("/email")).isEqualTo(email);
        assertThat(me.at("/role")).isEqualTo("support");
    }

    @Test
    void aRequestWithoutScopeGetsTheClientsScopesThatTheRoleAllows() {
        var tokens = signIn("");

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(claims(tokens.at("/access_token")).get("scope").asString().split(" "))
                .containsExactlyInAnyOrder("openid", "products:read", "orders:read");
        assertThat(tokens.at("/id_token")).isNotBlank();
        assertThat(api.withToken(tokens.at("/access_token"))
                        .get("/v1/orders?limit=1")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndReuseRevokesTheFamily() {
        var first = signIn("openid products:read");
        String original = first.at("/refresh_token");

        var rotated = refresh(original);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String next = rotated.at("/refresh_token");
        assertThat(next).isNotBlank().isNotEqualTo(original);
        assertThat(api.withToken(rotated.at("/access_token"))
                        .get("/v1/products?limit=1")
                        .send()
                        .status())
                .isEqualTo(200);

        var reused = refresh(original);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.at("/error")).isEqualTo("invalid_grant");

        var afterReuse = refresh(next);
        assertThat(afterReuse.status()).isEqualTo(400);
        assertThat(afterReuse.at("/error")).isEqualTo("invalid_grant");
    }

    @Test
    void disablingTheUserRevokesTheirRefreshTokensAtOnce() {
        var tokens = signIn("openid products:read");

        var disabled =
                api.patch("/v1/users/" + userId, Map.of("enabled", false)).send();
        assertThat(disabled.status()).isEqualTo(200);

        var refused = refresh(tokens.at("/refresh_token"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/error")).isEqualTo("invalid_grant");
        var browser = new Browser(api.port());
        assertThat(browser.logIn(email, password).header("Location")).contains("error");
    }

    @Test
    void deletingTheUserRevokesTheirRefreshTokensAtOnce() {
        var tokens = signIn("openid products:read");

        assertThat(api.delete("/v1/users/" + userId).send().status()).isEqualTo(204);

        assertThat(refresh(tokens.at("/refresh_token")).status()).isEqualTo(400);
    }

    @Test
    void deletingTheClientRevokesItsRefreshTokensAndCredentials() {
        var tokens = signIn("openid products:read");
        String clientResource = clientId;

        assertThat(api.delete("/v1/clients/" + clientResource).send().status()).isEqualTo(204);

        assertThat(refresh(tokens.at("/refresh_token")).status()).isEqualTo(401);
        assertThat(api.anonymous()
                        .tokenRequest(clientId, clientSecret, "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"password", "role", "disabled", "deleted"})
    void changingTheUserEndsTheirSignInSessionsNotOnlyTheirRefreshTokens(String change) {
        var browser = new Browser(api.port());
        authorize(browser, clientId, REDIRECT, "products:read", Browser.newVerifier());
        assertThat(authorizeAgain(browser).header("Location"))
                .as("a live session gets a code without the login form")
                .startsWith(REDIRECT)
                .contains("code=");

        var changed = switch (change) {
            case "password" ->
                api.patch("/v1/users/" + userId, Map.of("password", "a new passphrase " + UUID.randomUUID()))
                        .send();
            case "role" ->
                api.patch("/v1/users/" + userId, Map.of("role", "viewer")).send();
            case "disabled" ->
                api.patch("/v1/users/" + userId, Map.of("enabled", false)).send();
            default -> api.delete("/v1/users/" + userId).send();
        };
        assertThat(changed.status()).as(changed.body()).isIn(200, 204);

        var afterChange = authorizeAgain(browser);
        assertThat(afterChange.status()).isEqualTo(302);
        assertThat(afterChange.header("Location")).endsWith("/login").doesNotContain("code=");
    }

    @Test
    void concurrentRefreshesWithOneRefreshTokenSucceedExactlyOnce() throws Exception {
        String refreshToken = signIn("openid products:read").at("/refresh_token");

        var answers = concurrently(8, () -> refresh(refreshToken));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(7)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.at("/error")).isEqualTo("invalid_grant");
                });
        String winner = answers.stream()
                .filter(answer -> answer.status() == 200)
                .findFirst()
                .orElseThrow()
                .at("/refresh_token");
        assertThat(refresh(winner).status())
                .as("the others presented a rotated token: reuse, so the family is revoked")
                .isEqualTo(400);
    }

    @Test
    void concurrentExchangesOfOneAuthorizationCodeSucceedExactlyOnce() throws Exception {
        var browser = new Browser(api.port());
        String verifier = Browser.newVerifier();
        String code = authorize(browser, clientId, REDIRECT, "openid products:read", verifier);

        var answers = concurrently(
                8,
                () -> api.anonymous()
                        .tokenRequest(
                                clientId,
                                clientSecret,
                                Browser.encode(Map.of(
                                        "grant_type", "authorization_code",
                                        "code", code,
                                        "redirect_uri", REDIRECT,
                                        "code_verifier", verifier))));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(7)
                .allSatisfy(refused -> assertThat(refused.at("/error")).isEqualTo("invalid_grant"));
    }

    @Test
    void pkceIsRequiredAndOnlyS256IsAccepted() {
        var browser = new Browser(api.port());
        assertThat(browser.logIn(email, password).status()).isEqualTo(302);

        var withoutChallenge = browser.get("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + REDIRECT + "&scope=products:read&state=s1");
        assertThat(withoutChallenge.header("Location")).startsWith(REDIRECT).contains("error=invalid_request");

        String plain = browser.authorizeUrl(clientId, REDIRECT, "products:read", "s2", "abc".repeat(15))
                .replace("code_challenge_method=S256", "code_challenge_method=plain");
        var withPlain = browser.get(plain);
        assertThat(withPlain.header("Location")).startsWith(REDIRECT).contains("error=invalid_request");
    }

    @Test
    void aWrongCodeVerifierIsRefused() {
        var browser = new Browser(api.port());
        String verifier = Browser.newVerifier();
        String code = authorize(browser, clientId, REDIRECT, "products:read", verifier);

        var tokens = api.anonymous()
                .tokenRequest(
                        clientId,
                        clientSecret,
                        Browser.encode(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                REDIRECT,
                                "code_verifier",
                                Browser.newVerifier())));

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.at("/error")).isEqualTo("invalid_grant");
    }

    @Test
    void theDocumentationClientSignsInWithoutASecretAndGetsNoRefreshToken() {
        var browser = new Browser(api.port());
        String redirect = "http://stockroom.test/swagger-ui/oauth2-redirect.html";
        String verifier = Browser.newVerifier();
        String code = authorize(browser, "stockroom-docs", redirect, "openid products:read", verifier);

        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", "stockroom-docs");
        form.put("code_verifier", verifier);
        var tokens = api.anonymous()
                .request(
                        "POST",
                        "/oauth2/token",
                        java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(form)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send();

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().has("refresh_token")).isFalse();
        assertThat(api.withToken(tokens.at("/access_token"))
                        .get("/v1/products?limit=1")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownAccountLookTheSame() {
        var wrongPassword = new Browser(api.port()).logIn(email, "not the password at all");
        var unknown =
                new Browser(api.port()).logIn("nobody-" + UUID.randomUUID() + "@example.com", "whatever password 1");

        assertThat(wrongPassword.status()).isEqualTo(302);
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(wrongPassword.header("Location")).isEqualTo(unknown.header("Location"));
    }

    private Response signIn(String scope) {
        var browser = new Browser(api.port());
        String verifier = Browser.newVerifier();
        String code = authorize(browser, clientId, REDIRECT, scope, verifier);
        return api.anonymous()
                .tokenRequest(
                        clientId,
                        clientSecret,
                        Browser.encode(Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", REDIRECT,
                                "code_verifier", verifier)));
    }

    /** Runs the browser part of the flow: authorize, log in, come back with a code. */
    private String authorize(Browser browser, String client, String redirect, String scope, String verifier) {
        String state = UUID.randomUUID().toString();
        var start = browser.get(browser.authorizeUrl(client, redirect, scope, state, Browser.challengeOf(verifier)));
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        assertThat(start.header("Location")).endsWith("/login");

        var loggedIn = browser.logIn(email, password);
        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.header("Location")).contains("/oauth2/authorize");

        var back = browser.get(loggedIn.header("Location"));
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        String location = back.header("Location");
        assertThat(location).startsWith(redirect);
        assertThat(Browser.parameter(location, "state")).isEqualTo(state);
        return Browser.parameter(location, "code");
    }

    /** The browser asks for a code again, with whatever session it still has. */
    private Response authorizeAgain(Browser browser) {
        String challenge = Browser.challengeOf(Browser.newVerifier());
        return browser.get(browser.authorizeUrl(clientId, REDIRECT, "products:read", "again", challenge));
    }

    /** Sends the same request from {@code n} threads released at once; answers every response. */
    static List<Response> concurrently(int n, Supplier<Response> request) throws Exception {
        var start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Response>>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            var answers = new ArrayList<Response>();
            for (var future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }

    private Response refresh(String refreshToken) {
        return api.anonymous()
                .tokenRequest(
                        clientId,
                        clientSecret,
                        Browser.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)));
    }

    private static JsonNode claims(String jwt) {
        return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
