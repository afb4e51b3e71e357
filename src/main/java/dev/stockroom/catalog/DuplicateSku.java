package dev.stockroom.catalog;

import dev.stockroom.catalog.domain.Sku;
import dev.stockroom.shared.DomainException;

/** Another product already uses the sku. */
public final class DuplicateSku extends DomainException {

    private DuplicateSku(Sku sku) {
        super(Kind.CONFLICT, "duplicate-sku", "Duplicate sku", "A product with sku " + sku + " already exists.");
        with("sku", sku.value());
    }

    public static DuplicateSku of(Sku sku) {
        return new DuplicateSku(sku);
    }
}
