package dev.stockroom.shared.ratelimit;

import static dev.stockroom.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.OwnRedis;
import dev.stockroom.support.Response;
import dev.stockroom.support.SecondInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two instances sharing their rate limits through a Redis server of the test's own: one budget for both, and
 * Redis stopped in the middle of a run changes nothing for callers (no refusal, no wait) but the metrics. The
 * second instance's default is tiny, for the limit by address (requests without a token, the token endpoint).
 */
@ApiTest
class RateLimitRedisIT {

    private static final String REDIS_TIMEOUT = "250ms";
    private static OwnRedis redis;
    private static SecondInstance first;
    private static SecondInstance second;

    @Autowired
    DataSource dataSource;

    @Autowired
    Api admin;

    Api a;
    Api b;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(OwnRedis.binary() != null, "redis-server is not installed");
        if (redis == null) {
            redis = OwnRedis.start();
            // The suite shares two cores with other builds: a 25 ms Redis timeout would fall back now and then.
            first = SecondInstance.sharing(
                    dataSource,
                    "--stockroom.rate-limit.redis-url=" + redis.url(),
                    "--stockroom.rate-limit.redis-timeout=" + REDIS_TIMEOUT);
            second = SecondInstance.sharing(
                    dataSource,
                    "--stockroom.rate-limit.redis-url=" + redis.url(),
                    "--stockroom.rate-limit.redis-timeout=" + REDIS_TIMEOUT,
                    "--stockroom.rate-limit.default-policy=4/1m");
        }
        a = new Api(first.port());
        b = new Api(second.port());
        String token = java.util.Objects.requireNonNull(admin.token());
        // A request that reaches Redis again is what shows an instance back on it (the test admin's own bucket).
        assertThat(within(Duration.ofSeconds(15), () -> {
                    a.withToken(token).get("/v1/me").send();
                    b.withToken(token).get("/v1/me").send();
                    return connected(first) && connected(second);
                }))
                .as("both instances on Redis")
                .isTrue();
    }

    @AfterAll
    static void stopAll() {
        for (var instance : new SecondInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
        first = second = null;
        redis = null;
    }

    @Test
    void twoInstancesShareOneBudget() {
        String token = tokenOfClientLimitedTo("10/1m");
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            statuses.add(a.withToken(token).get("/v1/products?limit=1").send().status());
            statuses.add(b.withToken(token).get("/v1/products?limit=1").send().status());
        }

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(10);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
    }

    @Test
    void requestsWithoutATokenAndTokenRequestsCountAgainstTheirAddress() {
        var anonymous = b.anonymous();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(anonymous.get("/v1/products").send());
        }
        var refused = anonymous.get("/v1/products").send();
        var tokenRequest =
                anonymous.tokenRequest(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, "grant_type=client_credentials");

        assertThat(answers).extracting(Response::status).containsOnly(401);
        assertThat(answers.getFirst().header("RateLimit-Policy")).isEqualTo("\"default\";q=4;w=60");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.at("/detail")).contains("from this address");
        assertThat(tokenRequest.status()).isEqualTo(429);
        assertThat(tokenRequest.header("Retry-After")).isNotBlank();
    }

    @Test
    void redisStoppedMidRunChangesNothingForCallersButTheMetrics() throws Exception {
        String token = tokenOfClientLimitedTo("100000/1m");
        double fallbacksBefore = fallbacks(first) + fallbacks(second);
        for (int i = 0; i < 10; i++) {
            assertThat(a.withToken(token).get("/v1/products?limit=1").send().status())
                    .isEqualTo(200);
        }

        redis.stop();
        long slowest = 0;
        try {
            for (int i = 0; i < 40; i++) {
                for (var api : List.of(a, b)) {
                    long start = System.nanoTime();
                    var response =
                            api.withToken(token).get("/v1/products?limit=1").send();
                    slowest = Math.max(slowest, System.nanoTime() - start);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    assertThat(response.header("RateLimit")).startsWith("\"client\";r=");
                }
            }
            assertThat(fallbacks(first) + fallbacks(second)).isGreaterThan(fallbacksBefore);
            assertThat(connected(first) || connected(second)).isFalse();
        } finally {
            redis.startAgain();
        }
        // A request waits at most the Redis timeout once per second of outage (none here: a killed server's
        // connection fails at once, and commands are rejected while disconnected), then counts locally.
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(1));
        assertThat(within(Duration.ofSeconds(15), () -> {
                    a.withToken(token).get("/v1/products?limit=1").send();
                    b.withToken(token).get("/v1/products?limit=1").send();
                    return connected(first) && connected(second);
                }))
                .as("back on Redis by themselves")
                .isTrue();
    }

    private String tokenOfClientLimitedTo(String rateLimit) {
        var created = admin.post(
                        "/v1/clients",
                        Map.of("name", "Shared budget", "scopes", List.of("products:read"), "rate_limit", rateLimit))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return admin.anonymous().clientToken(created.at("/client_id"), created.at("/client_secret"), null);
    }

    private static boolean connected(SecondInstance instance) {
        var gauge = instance.bean(MeterRegistry.class)
                .find("stockroom.rate_limit.redis.connected")
                .gauge();
        return gauge != null && gauge.value() == 1;
    }

    private static double fallbacks(SecondInstance instance) {
        var counter = instance.bean(MeterRegistry.class)
                .find("stockroom.rate_limit.fallbacks")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
