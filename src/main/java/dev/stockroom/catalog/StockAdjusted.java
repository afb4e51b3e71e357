package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.StockAdjustment;
import java.util.Map;

/** Units were added to or removed from a product's stock by hand; the adjustment says how many and why. */
public record StockAdjusted(StockAdjustment adjustment) implements ProductEvent {

    @Override
    public String action() {
        return "product.stock_adjusted";
    }

    @Override
    public ProductId productId() {
        return adjustment.productId();
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "stock", new Change(adjustment.stockBefore(), adjustment.stockAfter()),
                "reason", new Change(null, adjustment.reason()));
    }
}
