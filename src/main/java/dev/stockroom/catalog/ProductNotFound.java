package dev.stockroom.catalog;

import dev.stockroom.shared.DomainException;

/** No product exists with the given id. */
public final class ProductNotFound extends DomainException {

    private ProductNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static ProductNotFound withId(ProductId id) {
        return new ProductNotFound("No product exists with id " + id + ".");
    }

    public static ProductNotFound adjustment(ProductId id, java.util.UUID adjustmentId) {
        return new ProductNotFound("Product " + id + " has no stock adjustment " + adjustmentId + ".");
    }
}
