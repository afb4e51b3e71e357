package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Product;
import dev.stockroom.shared.DomainException;

/** A stock adjustment would take the stock level out of its range; nothing was changed. */
public final class InsufficientStock extends DomainException {

    private InsufficientStock(String type, String title, String detail, ProductId id, int available, int delta) {
        super(Kind.CONFLICT, type, title, detail);
        with("product_id", id.value());
        with("available", available);
        with("delta", delta);
    }

    public static InsufficientStock forAdjustment(ProductId id, int available, int delta) {
        if (delta > 0) {
            return new InsufficientStock(
                    "stock-limit-exceeded",
                    "Stock limit exceeded",
                    "Adding %d units to %d would exceed the maximum stock of %d."
                            .formatted(delta, available, Product.MAX_STOCK),
                    id,
                    available,
                    delta);
        }
        return new InsufficientStock(
                "insufficient-stock",
                "Insufficient stock",
                "Cannot remove %d units: only %d are available.".formatted(-delta, available),
                id,
                available,
                delta);
    }
}
