package dev.stockroom.catalog;

import dev.stockroom.shared.DomainException;
import java.util.List;

/** Some products asked for do not exist. */
public final class UnknownProducts extends DomainException {

    private final List<ProductId> missing;

    UnknownProducts(List<ProductId> missing) {
        super(Kind.UNPROCESSABLE, "validation-error", "Validation failed", "Some products do not exist.");
        this.missing = List.copyOf(missing);
    }

    public List<ProductId> missing() {
        return missing;
    }
}
