package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import java.util.Map;

/**
 * A product's stock fell to or below its low-stock threshold (with the default threshold 0: it sold out); what
 * the {@code stock.low} webhook reports. {@code product} is the product right after the fall.
 *
 * <p>Published in the transaction of the change, once per fall, when a product goes from above its threshold to
 * at or below it ({@link Product#ranLowFrom(int)}, {@link Product#ranLowSince(Product)}):
 *
 * <ul>
 *   <li>by a stock adjustment ({@link Catalog#adjustStock}), after its {@link StockAdjusted};
 *   <li>by reserving stock for an order ({@link Catalog#reserve}), one event per product that fell;
 *   <li>by a change of the threshold that puts the current stock at or below it ({@link Catalog#change}, e.g.
 *       raised from 0 to 10 while the stock is 5), after its {@link ProductUpdated}.
 * </ul>
 *
 * <p>Not published when the product was already low (taking more stock, or raising the threshold further, is no
 * new fall), when stock is given back ({@link Catalog#release}) or added, or when a product is created at or
 * below its threshold (its {@link ProductCreated} shows both values). Stock that rises above the threshold and
 * falls again is reported again.
 */
public record StockRanLow(Product product) implements ProductEvent {

    @Override
    public String action() {
        return "product.stock_low";
    }

    @Override
    public ProductId productId() {
        return product.id();
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "stock", new Change(null, product.stock()),
                "low_stock_threshold", new Change(null, product.lowStockThreshold()));
    }
}
