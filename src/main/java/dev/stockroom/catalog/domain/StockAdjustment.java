package dev.stockroom.catalog.domain;

import dev.stockroom.catalog.ProductId;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a product's stock ledger: a signed change of the units available, why it was made, and the
 * stock level it resulted in.
 */
public record StockAdjustment(
        UUID id, ProductId productId, int delta, String reason, int stockAfter, Instant createdAt) {

    public static final int MAX_REASON = 500;

    /** The stock level right before this adjustment. */
    public int stockBefore() {
        return stockAfter - delta;
    }
}
