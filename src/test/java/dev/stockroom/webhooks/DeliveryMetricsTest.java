package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock(NOW);
    final AtomicInteger queries = new AtomicInteger();
    final AtomicReference<DeliveryRepository.Backlog> outbox =
            new AtomicReference<>(new DeliveryRepository.Backlog(0, null));

    final Function<Instant, DeliveryRepository.Backlog> backlog = now -> {
        queries.incrementAndGet();
        return outbox.get();
    };

    @Test
    void lagIsTheAgeOfTheOldestDueDeliveryAndZeroWithoutOne() {
        new DeliveryMetrics(registry, backlog, clock);
        outbox.set(new DeliveryRepository.Backlog(7, NOW.minusSeconds(90)));

        assertThat(gauge("stockroom.webhooks.backlog")).isEqualTo(7);
        assertThat(gauge("stockroom.webhooks.lag")).isEqualTo(90);

        outbox.set(new DeliveryRepository.Backlog(3, null));
        clock.advance(DeliveryMetrics.CACHED_FOR);
        assertThat(gauge("stockroom.webhooks.backlog")).isEqualTo(3);
        assertThat(gauge("stockroom.webhooks.lag")).isZero();
    }

    @Test
    void theOutboxIsQueriedAtMostOnceInTheCachingPeriodForBothGauges() {
        new DeliveryMetrics(registry, backlog, clock);

        for (int i = 0; i < 10; i++) {
            gauge("stockroom.webhooks.backlog");
            gauge("stockroom.webhooks.lag");
            clock.advance(Duration.ofMillis(400));
        }
        assertThat(queries).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        gauge("stockroom.webhooks.lag");
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailingQueryReadsAsNoFigureRatherThanAnOldOne() {
        var down = new java.util.concurrent.atomic.AtomicBoolean();
        new DeliveryMetrics(
                registry,
                now -> {
                    if (down.get()) {
                        throw new IllegalStateException("database down");
                    }
                    return new DeliveryRepository.Backlog(5, NOW);
                },
                clock);
        assertThat(gauge("stockroom.webhooks.backlog")).isEqualTo(5);

        down.set(true);
        clock.advance(DeliveryMetrics.CACHED_FOR);

        assertThat(gauge("stockroom.webhooks.backlog")).isNaN();
        assertThat(gauge("stockroom.webhooks.lag")).isNaN();
    }

    @Test
    void everyOutcomeHasASeriesFromTheStart() {
        var metrics = new DeliveryMetrics(registry, backlog, clock);
        metrics.attempted(DeliveryMetrics.Result.DEAD);

        assertThat(registry.find("stockroom.webhooks.deliveries").counters()).hasSize(5);
        assertThat(registry.get("stockroom.webhooks.deliveries")
                        .tag("outcome", "dead")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("stockroom.webhooks.deliveries")
                        .tag("outcome", "succeeded")
                        .counter()
                        .count())
                .isZero();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
