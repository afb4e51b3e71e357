package dev.stockroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.Response;
import dev.stockroom.support.Scrape;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Past its bounds the service answers 503 at once, well-formed, with {@code Retry-After}, instead of letting
 * requests queue: two requests in progress at most here, and no request waiting for a database connection.
 * Health keeps answering, nothing hangs, and the refusals are counted.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "stockroom.load-shedding.max-concurrent-requests=2",
            "stockroom.load-shedding.max-database-waiters=0"
        })
class LoadSheddingIT {

    private static final Duration FAST = Duration.ofMillis(1500);

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    LoadShedding shedding;

    /** A thread per request: the common pool has one thread on two cores, which would run them one by one. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void pastTheConcurrencyBoundRequestsAreRefusedAtOnceAndHealthStillAnswers() throws Exception {
        assertThat(api.get("/v1/products?limit=1").send().status()).isEqualTo(200); // the token, before the load
        var slow = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> api.get("/test/slow?millis=4000").send(), threads))
                .toList();
        awaitRefusal();

        var refused = IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(this::timedProductList, threads))
                .toList();
        for (var answer : refused) {
            var timed = answer.get(10, TimeUnit.SECONDS);
            assertRefused(timed.response(), "at capacity");
            assertThat(timed.took()).isLessThan(FAST);
        }
        assertThat(api.anonymous().get("/actuator/health/readiness").send().status())
                .isEqualTo(200);
        assertThat(api.anonymous().get("/livez").send().status()).isEqualTo(200);

        for (var request : slow) {
            var response = request.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
        }
        assertThat(api.get("/v1/products?limit=1").send().status()).isEqualTo(200);
        assertThat(shed("concurrency")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aRequestThatWouldWaitForTheDatabaseBehindAnotherIsRefusedAtOnce() throws Exception {
        assertThat(api.get("/v1/products?limit=1").send().status()).isEqualTo(200);
        var hikari = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        CompletableFuture<Response> waiting;
        try {
            for (int i = 0; i < hikari.getMaximumPoolSize(); i++) {
                held.add(hikari.getConnection());
            }
            waiting = CompletableFuture.supplyAsync(
                    () -> api.get("/v1/products?limit=1").send(), threads);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (hikari.getHikariPoolMXBean().getThreadsAwaitingConnection() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(hikari.getHikariPoolMXBean().getThreadsAwaitingConnection())
                    .isGreaterThanOrEqualTo(1);

            var timed = timedProductList();
            assertRefused(timed.response(), "waiting for the database");
            assertThat(timed.took()).isLessThan(FAST);
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(shed("database")).isGreaterThanOrEqualTo(1);
    }

    /** Waits until the slow requests hold every slot, so that the next request is the first one refused. */
    private void awaitRefusal() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (shedding.availableSlots() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(shedding.availableSlots())
                .as("slots left while the slow requests run")
                .isZero();
    }

    private static void assertRefused(Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.at("/type")).endsWith("/unavailable");
        assertThat(response.at("/status")).isEqualTo("503");
        assertThat(response.at("/detail")).contains(detail);
        assertThat(response.at("/request_id")).isNotBlank();
    }

    private record Timed(Response response, Duration took) {}

    private Timed timedProductList() {
        long start = System.nanoTime();
        var response = api.get("/v1/products?limit=1").send();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private double shed(String reason) {
        return Scrape.of(api).value("stockroom_requests_shed_total", "reason", reason);
    }
}
