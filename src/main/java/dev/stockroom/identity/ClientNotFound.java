package dev.stockroom.identity;

import dev.stockroom.shared.DomainException;

/** No API client exists with the id. */
public final class ClientNotFound extends DomainException {

    private ClientNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static ClientNotFound withId(ApiClientId id) {
        return new ClientNotFound("No API client exists with id " + id + ".");
    }
}
