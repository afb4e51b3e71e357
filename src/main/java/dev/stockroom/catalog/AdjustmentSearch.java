package dev.stockroom.catalog;

import dev.stockroom.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;

/** A page request over one product's stock ledger, oldest first. */
public record AdjustmentSearch(
        ProductId productId, int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "stock-adjustments|" + productId.value();
    }
}
