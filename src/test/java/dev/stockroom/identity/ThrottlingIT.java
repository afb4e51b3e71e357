package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Browser;
import dev.stockroom.support.LookAlikes;
import dev.stockroom.support.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Repeated failures at the token endpoint and the login form are throttled per account from one client address
 * and per client address, for a short window only, and never lock the owner out from elsewhere. Each test comes
 * from its own addresses (through {@code X-Forwarded-For}, which the service trusts from loopback proxies),
 * IPv6 documentation addresses in /64 networks of their own. Also checks a CORS allow-list, which needs the same
 * kind of configuration.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "stockroom.identity.throttle.max-account-failures=3",
            "stockroom.identity.throttle.max-address-failures=5",
            "stockroom.identity.throttle.window=3s",
            "stockroom.identity.throttle.account-delay=500ms",
            "stockroom.identity.security.cors-allowed-origins=https://app.example.com"
        })
class ThrottlingIT {

    static final String PASSWORD = "the right password 123";

    @Autowired
    Api api;

    String attacker;
    String owner;
    String clientId;
    String secret;

    @BeforeEach
    void setUp() {
        attacker = documentationAddress();
        owner = documentationAddress();
        var client = api.post("/v1/clients", Map.of("name", "Throttled", "scopes", List.of("products:read")))
                .send();
        clientId = client.at("/client_id");
        secret = client.at("/client_secret");
    }

    @Test
    void failuresForAClientBlockItFromThatAddressOnlyAndAreForgiven() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(token(clientId, "wrong", attacker).status()).isEqualTo(401);
        }

        var blocked = token(clientId, secret, attacker);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 3);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.at("/type")).isEqualTo("https://stockroom.dev/problems/too-many-requests");

        Thread.sleep(3_200);
        assertThat(token(clientId, secret, attacker).status()).isEqualTo(200);
    }

    @Test
    void anAttackerCannotLockAClientOutFromItsOwnAddress() {
        for (int i = 0; i < 10; i++) {
            token(clientId, "wrong " + i, attacker);
        }
        assertThat(token(clientId, secret, attacker).status()).isEqualTo(429);

        assertThat(token(clientId, secret, owner).status())
                .as("the owner elsewhere still gets a token")
                .isEqualTo(200);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeKnownOnes() {
        String unknown = UUID.randomUUID().toString();
        String otherAddress = documentationAddress();
        for (int i = 0; i < 3; i++) {
            var known = token(clientId, "wrong", attacker);
            var stranger = token(unknown, "wrong", otherAddress);
            assertThat(stranger.status()).isEqualTo(known.status());
            assertThat(stranger.body()).isEqualTo(known.body());
        }
        var known = token(clientId, "wrong", attacker);
        var stranger = token(unknown, "wrong", otherAddress);
        assertThat(known.status()).isEqualTo(429);
        assertThat(stranger.status()).isEqualTo(429);
    }

    @Test
    void repeatedFailuresFromAnAddressAreThrottledForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            token(UUID.randomUUID().toString(), "wrong", attacker);
        }

        assertThat(token(clientId, secret, attacker).status()).isEqualTo(429);
        assertThat(token(clientId, secret, owner).status()).isEqualTo(200);
    }

    @Test
    void addressesOfOneIpv6NetworkCountAsOne() {
        String network = documentationAddress().replace("::1", "::");
        for (int i = 0; i < 5; i++) {
            token(UUID.randomUUID().toString(), "wrong", network + Integer.toHexString(i + 1));
        }

        assertThat(token(clientId, secret, network + "ffff").status()).isEqualTo(429);
    }

    @Test
    void repeatedFailedLoginsAreThrottledFromThatAddress() {
        String email = aUser();
        for (int i = 0; i < 3; i++) {
            var failed = loginFrom(email, "the wrong password 123", attacker);
            assertThat(failed.header("Location")).contains("error");
        }

        var blocked = loginFrom(email, PASSWORD, attacker);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
    }

    @Test
    void anAttackerCannotLockAPersonOutButSlowsTheirSignInDown() {
        String email = aUser();
        for (int i = 0; i < 6; i++) {
            loginFrom(email, "the wrong password " + i, attacker);
        }
        assertThat(loginFrom(email, PASSWORD, attacker).status()).isEqualTo(429);

        long started = System.nanoTime();
        var signedIn = loginFrom(email, PASSWORD, owner);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(signedIn.status()).as("the owner elsewhere still signs in").isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        assertThat(tookMillis).as("but more slowly while under attack").isGreaterThanOrEqualTo(500);
    }

    @Test
    void aSprayOfLoginsFromOneAddressIsThrottledForEveryAccount() {
        String email = aUser();
        for (int i = 0; i < 5; i++) {
            loginFrom("sprayed-" + UUID.randomUUID() + "@example.com", "the wrong password 123", attacker);
        }

        assertThat(loginFrom(email, PASSWORD, attacker).status()).isEqualTo(429);
        assertThat(loginFrom(email, PASSWORD, owner).header("Location")).doesNotContain("error");
    }

    @Test
    void otherSpellingsOfAnEmailShareItsCount() {
        String email = aUser();
        loginFrom(email, "the wrong password 1", attacker);
        loginFrom(email + "\u0001", "the wrong password 2", attacker);
        loginFrom(LookAlikes.fullWidth(email.toUpperCase(Locale.ROOT)), "the wrong password 3", attacker);

        assertThat(loginFrom("\u0001" + email + "\u0001", PASSWORD, attacker).status())
                .isEqualTo(429);
        assertThat(loginFrom(email + "\u0002", PASSWORD, attacker).status()).isEqualTo(429);
    }

    @Test
    void aFullWidthSpellingSignsIntoTheSameAccount() {
        String email = aUser();

        var signedIn = loginFrom(LookAlikes.fullWidth(email).replace('@', '\uff20'), PASSWORD, owner);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
    }

    @Test
    void allowListedOriginsGetCorsHeadersOthersDoNot() {
        var allowed = preflight("https://app.example.com");
        var other = preflight("https://evil.example.com");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    /**
     * An address in a random /64 network of the IPv6 documentation prefix: only ever a header value, never
     * contacted.
     */
    private static String documentationAddress() {
        var random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::1".formatted(random.nextInt(1, 0xffff), random.nextInt(1, 0xffff));
    }

    /** Creates a person who signs in with {@link #PASSWORD}; answers their email. */
    private String aUser() {
        String email = "throttled-" + UUID.randomUUID() + "@example.com";
        var created = api.post("/v1/users", Map.of("email", email, "password", PASSWORD, "role", "viewer"))
                .send();
        assertThat(created.status()).isEqualTo(201);
        return email;
    }

    private Response preflight(String origin) {
        return api.anonymous()
                .request("OPTIONS", "/v1/products", BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .send();
    }

    private Response token(String client, String clientSecret, String from) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + clientSecret).getBytes());
        return api.anonymous()
                .request("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", from)
                .send();
    }

    private Response loginFrom(String email, String password, String from) {
        var browser = new Browser(api.port());
        return browser.logIn(email, password, Map.of("X-Forwarded-For", from));
    }
}
