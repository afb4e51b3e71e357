package dev.stockroom.identity;

import dev.stockroom.shared.DomainException;

/** No user exists with the id. */
public final class UserNotFound extends DomainException {

    private UserNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static UserNotFound withId(UserId id) {
        return new UserNotFound("No user exists with id " + id + ".");
    }
}
