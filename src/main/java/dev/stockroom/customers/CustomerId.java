package dev.stockroom.customers;

import java.util.Objects;
import java.util.UUID;

/** Identity of a customer, made by the server; other modules refer to customers by it. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId newId() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
