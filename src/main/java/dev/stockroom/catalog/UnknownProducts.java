package dev.stockroom.catalog;

import dev.stockroom.shared.DomainException;
import java.util.List;
import java.util.UUID;

/** Some products asked for do not exist. */
public final class UnknownProducts extends DomainException {

    private final List<UUID> missing;

    UnknownProducts(List<UUID> missing) {
        super(Kind.UNPROCESSABLE, "validation-error", "Validation failed", "Some products do not exist.");
        this.missing = List.copyOf(missing);
    }

    public List<UUID> missing() {
        return missing;
    }
}
