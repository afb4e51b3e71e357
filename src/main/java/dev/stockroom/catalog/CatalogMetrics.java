package dev.stockroom.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The catalog's business metrics, from its events once their transaction has committed (a refused or rolled-back
 * adjustment is not counted): {@code stockroom.stock.adjustments}, by {@code direction} ({@code in} for units
 * added, {@code out} for units removed). Both series exist from the start, so a rate over them is never missing.
 */
@Component
class CatalogMetrics {

    private final Counter stockAdded;
    private final Counter stockRemoved;

    CatalogMetrics(MeterRegistry registry) {
        this.stockAdded = adjustments(registry, "in");
        this.stockRemoved = adjustments(registry, "out");
    }

    private static Counter adjustments(MeterRegistry registry, String direction) {
        return Counter.builder("stockroom.stock.adjustments")
                .description("Stock adjustments made by hand (not reservations by orders)")
                .tag("direction", direction)
                .register(registry);
    }

    @TransactionalEventListener
    void on(StockAdjusted adjusted) {
        (adjusted.adjustment().delta() > 0 ? stockAdded : stockRemoved).increment();
    }
}
