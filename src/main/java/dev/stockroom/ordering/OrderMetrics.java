package dev.stockroom.ordering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The ordering module's business metrics: {@code stockroom.orders.placed} and {@code stockroom.orders.cancelled},
 * counted from the events once their transaction has committed, and {@code stockroom.orders.refused} by
 * {@code reason}, counted by {@link Orders} when it refuses an order (nothing commits then). Every series exists
 * from the start at zero, so rates and alerts over them are never missing.
 */
@Component
class OrderMetrics {

    /** Why an order was refused: a small, fixed set, so the label stays bounded. */
    enum Refusal {
        /** Not enough stock for at least one line ({@code insufficient-stock}, 409). */
        INSUFFICIENT_STOCK,
        /** An unknown customer or product, or a product on two lines (422). */
        INVALID_REQUEST;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter placed;
    private final Counter cancelled;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    OrderMetrics(MeterRegistry registry) {
        this.placed = Counter.builder("stockroom.orders.placed")
                .description("Orders placed (stock reserved)")
                .register(registry);
        this.cancelled = Counter.builder("stockroom.orders.cancelled")
                .description("Orders cancelled (stock released)")
                .register(registry);
        for (Refusal reason : Refusal.values()) {
            refused.put(
                    reason,
                    Counter.builder("stockroom.orders.refused")
                            .description("Orders refused, by reason; nothing was reserved")
                            .tag("reason", reason.label())
                            .register(registry));
        }
    }

    @TransactionalEventListener
    void on(OrderPlaced event) {
        placed.increment();
    }

    @TransactionalEventListener
    void on(OrderCancelled event) {
        cancelled.increment();
    }

    void refused(Refusal reason) {
        Objects.requireNonNull(refused.get(reason)).increment();
    }
}
