package dev.stockroom.ordering;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order, made by the server. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
