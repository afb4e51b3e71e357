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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Repeated failures at the token endpoint and the login form are throttled per account and per client address,
 * for a short window only. Each test comes from its own address (through {@code X-Forwarded-For}, which the
 * service trusts from loopback proxies). Also checks a CORS allow-list, which needs the same kind of
 * configuration.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "stockroom.throttle.max-account-failures=3",
            "stockroom.throttle.max-address-failures=5",
            "stockroom.throttle.window=3s",
            "stockroom.security.cors-allowed-origins=https://app.example.com"
        })
class ThrottlingIT {

    @LocalServerPort
    int port;

    Api api;
    String address;
    String clientId;
    String secret;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        address = documentationAddress();
        var client = api.post("/v1/clients", Map.of("name", "Throttled", "scopes", List.of("products:read")))
                .send();
        clientId = client.at("/client_id");
        secret = client.at("/client_secret");
    }

    @Test
    void repeatedFailuresForAnAccountAreThrottledThenForgiven() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(token(clientId, "wrong", address).status()).isEqualTo(401);
        }

        var blocked = token(clientId, secret, address);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 3);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.at("/type")).isEqualTo("https://stockroom.dev/problems/too-many-requests");
        assertThat(token(clientId, secret, "198.51.100.7").status())
                .as("the account is blocked from everywhere")
                .isEqualTo(429);

        Thread.sleep(3_200);
        assertThat(token(clientId, secret, address).status()).isEqualTo(200);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeKnownOnes() {
        String unknown = UUID.randomUUID().toString();
        String otherAddress = documentationAddress();
        for (int i = 0; i < 3; i++) {
            var known = token(clientId, "wrong", address);
            var stranger = token(unknown, "wrong", otherAddress);
            assertThat(stranger.status()).isEqualTo(known.status());
            assertThat(stranger.body()).isEqualTo(known.body());
        }
        assertThat(token(unknown, "wrong", "198.51.100.8").status()).isEqualTo(429);
    }

    @Test
    void repeatedFailuresFromAnAddressAreThrottledForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            token(UUID.randomUUID().toString(), "wrong", address);
        }

        assertThat(token(clientId, secret, address).status()).isEqualTo(429);
        assertThat(token(clientId, secret, "198.51.100.9").status()).isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        String email = "throttled-" + UUID.randomUUID() + "@example.com";
        api.post("/v1/users", Map.of("email", email, "password", "the right password 123", "role", "viewer"))
                .send();
        for (int i = 0; i < 3; i++) {
            var failed = loginFrom(email, "the wrong password 123", address);
            assertThat(failed.header("Location")).contains("error");
        }

        var blocked = loginFrom(email, "the right password 123", address);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
    }

    @Test
    void allowListedOriginsGetCorsHeadersOthersDoNot() {
        var allowed = preflight("https://app.example.com");
        var other = preflight("https://evil.example.com");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    /** A random address of the IPv6 documentation prefix: only ever a header value, never contacted. */
    private static String documentationAddress() {
        var random = ThreadLocalRandom.current();
        return "2001:db8::%x:%x".formatted(random.nextInt(1, 0xffff), random.nextInt(1, 0xffff));
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
        var browser = new Browser(port);
        return browser.logIn(email, password, Map.of("X-Forwarded-For", from));
    }
}
