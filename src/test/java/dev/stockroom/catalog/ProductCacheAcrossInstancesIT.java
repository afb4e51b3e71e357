package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.SecondInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two instances with their own product caches on one database: under concurrent stock adjustments on both, every
 * read on either shows every adjustment acknowledged more than one second before it was sent, every adjustment
 * acknowledged by its own instance at once, and an {@code ETag} that agrees with the body.
 */
@ApiTest
class ProductCacheAcrossInstancesIT {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final int WRITERS_PER_INSTANCE = 2;
    private static final int ADJUSTMENTS_PER_WRITER = 30;
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

    /** An adjustment acknowledged at {@code at} (nanoTime) by instance {@code on}, leaving {@code stock}. */
    record Ack(int on, long at, int stock) {}

    /** A read sent at {@code sent} (nanoTime) to instance {@code on}, answered with this stock and version. */
    record Read(int on, long sent, int stock, long version) {}

    @Test
    void everyInstanceSeesAChangeWithinOneSecondAndItsOwnAtOnce() throws Exception {
        String id = ProductData.create(a, ProductData.aProduct("Shared", "1.00", 0));
        List<Api> instances = List.of(a, b);
        instances.forEach(api -> api.get("/v1/products/" + id).send()); // both caches hold version 1

        var acks = Collections.synchronizedList(new ArrayList<Ack>());
        var reads = Collections.synchronizedList(new ArrayList<Read>());
        var writing = new AtomicBoolean(true);
        try (var pool = Executors.newFixedThreadPool(2 * WRITERS_PER_INSTANCE + 2)) {
            var writers = new ArrayList<Future<?>>();
            for (int on = 0; on < 2; on++) {
                Api api = instances.get(on);
                int instance = on;
                for (int w = 0; w < WRITERS_PER_INSTANCE; w++) {
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < ADJUSTMENTS_PER_WRITER; i++) {
                            var adjusted = api.post(
                                            "/v1/products/" + id + "/stock-adjustments",
                                            Map.of("delta", 1, "reason", "restocked"))
                                    .send();
                            assertThat(adjusted.status()).isEqualTo(201);
                            acks.add(new Ack(instance, System.nanoTime(), Integer.parseInt(adjusted.at("/stock"))));
                        }
                    }));
                }
            }
            var readers = new ArrayList<Future<?>>();
            for (int on = 0; on < 2; on++) {
                Api api = instances.get(on);
                int instance = on;
                readers.add(pool.submit(() -> {
                    long stopAt = Long.MAX_VALUE;
                    while (System.nanoTime() < stopAt) {
                        if (!writing.get() && stopAt == Long.MAX_VALUE) {
                            stopAt = System.nanoTime() + BOUND.toNanos() + BOUND.toNanos() / 2;
                        }
                        long sent = System.nanoTime();
                        var read = api.get("/v1/products/" + id).send();
                        String etag = read.header("ETag");
                        reads.add(new Read(
                                instance,
                                sent,
                                Integer.parseInt(read.at("/stock")),
                                Long.parseLong(etag.substring(1, etag.length() - 1))));
                    }
                }));
            }
            try {
                for (var writer : writers) {
                    writer.get();
                }
            } finally {
                writing.set(false);
            }
            for (var reader : readers) {
                reader.get();
            }
        }

        int total = 2 * WRITERS_PER_INSTANCE * ADJUSTMENTS_PER_WRITER;
        assertThat(acks).hasSize(total);
        assertThat(reads).hasSizeGreaterThan(50);
        List<Ack> acknowledged = List.copyOf(acks);
        assertThat(List.copyOf(reads)).allSatisfy(read -> {
            assertThat(read.version()).as("ETag agrees with the body").isEqualTo(read.stock() + 1L);
            int acknowledgedLongBefore = acknowledged.stream()
                    .filter(ack -> ack.at() <= read.sent() - BOUND.toNanos())
                    .mapToInt(Ack::stock)
                    .max()
                    .orElse(0);
            int acknowledgedHereBefore = acknowledged.stream()
                    .filter(ack -> ack.on() == read.on() && ack.at() <= read.sent())
                    .mapToInt(Ack::stock)
                    .max()
                    .orElse(0);
            assertThat(read.stock())
                    .as("read on instance %d: every change a second old, and its own at once", read.on())
                    .isGreaterThanOrEqualTo(Math.max(acknowledgedLongBefore, acknowledgedHereBefore));
        });
        for (var api : instances) {
            assertThat(api.get("/v1/products/" + id).send().at("/stock")).isEqualTo(String.valueOf(total));
        }
    }
}
