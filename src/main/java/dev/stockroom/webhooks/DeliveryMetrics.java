package dev.stockroom.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks' metrics. {@code stockroom.webhooks.deliveries} counts attempts by {@code outcome}, as
 * {@link DeliveryWorker} records them. Two gauges come from the outbox: {@code stockroom.webhooks.backlog} (pending
 * deliveries of enabled subscriptions) and {@code stockroom.webhooks.lag} (seconds since the oldest delivery a
 * worker could send now fell due; 0 when none is waiting). They describe the shared database, so every instance
 * reports the same figures; one query answers both, at most once every {@link #CACHED_FOR} however often they are
 * scraped, and when it fails they read NaN (no figure) rather than an old one.
 */
class DeliveryMetrics {

    static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    /** What came of an attempt. */
    enum Result {
        /** The receiver answered 2xx. */
        SUCCEEDED,
        /** It failed in a way worth retrying, and another attempt is scheduled. */
        RETRIED,
        /** Not worth retrying: a redirect or a 4xx other than 410 and 429, or a forbidden address. */
        FAILED,
        /** It failed again after the last attempt: given up. */
        DEAD,
        /** The receiver answered 410 Gone: its subscription is disabled. */
        DISABLED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Reading(Instant at, double pending, double lagSeconds) {}

    private final Map<Result, Counter> deliveries = new EnumMap<>(Result.class);
    private final Function<Instant, DeliveryRepository.Backlog> backlog;
    private final Clock clock;
    private volatile @Nullable Reading last;

    DeliveryMetrics(MeterRegistry registry, Function<Instant, DeliveryRepository.Backlog> backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
        for (Result outcome : Result.values()) {
            deliveries.put(
                    outcome,
                    Counter.builder("stockroom.webhooks.deliveries")
                            .description("Webhook delivery attempts, by what came of them")
                            .tag("outcome", outcome.label())
                            .register(registry));
        }
        Gauge.builder(
                        "stockroom.webhooks.backlog",
                        this,
                        metrics -> metrics.reading().pending())
                .description("Pending webhook deliveries of enabled subscriptions (the whole database)")
                .register(registry);
        Gauge.builder(
                        "stockroom.webhooks.lag",
                        this,
                        metrics -> metrics.reading().lagSeconds())
                .description("How long the oldest webhook delivery that could be sent now has been due")
                .baseUnit("seconds")
                .register(registry);
    }

    void attempted(Result outcome) {
        Objects.requireNonNull(deliveries.get(outcome)).increment();
    }

    private Reading reading() {
        Instant now = clock.instant();
        Reading cached = last;
        if (cached != null && now.isBefore(cached.at().plus(CACHED_FOR))) {
            return cached;
        }
        Reading fresh;
        try {
            var outbox = backlog.apply(now);
            Instant oldest = outbox.oldestDue();
            double lag = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
            fresh = new Reading(now, outbox.pending(), lag);
        } catch (RuntimeException e) {
            log.warn("Could not read the webhook outbox's backlog: {}", e.toString());
            fresh = new Reading(now, Double.NaN, Double.NaN);
        }
        last = fresh;
        return fresh;
    }
}
