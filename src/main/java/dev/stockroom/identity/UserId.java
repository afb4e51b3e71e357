package dev.stockroom.identity;

import java.util.Objects;
import java.util.UUID;

/** Identity of a user account, made by the server; as a string it is the subject of the user's tokens. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
