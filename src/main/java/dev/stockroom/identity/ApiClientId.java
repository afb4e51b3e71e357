package dev.stockroom.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of an API client resource, made by the server; as a string it is the authorization server's registered
 * client id. Not the OAuth {@code client_id}, which is a string of its own.
 */
public record ApiClientId(UUID value) {

    public ApiClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiClientId newId() {
        return new ApiClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
