package dev.stockroom.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identity of a product, made by the server. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId newId() {
        return new ProductId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
