package dev.stockroom.identity;

import dev.stockroom.shared.DomainException;

/** The refusals of the identity module, each with its own stable problem type. */
public final class IdentityRefusal extends DomainException {

    private IdentityRefusal(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static IdentityRefusal userNotFound(Object id) {
        return new IdentityRefusal(Kind.NOT_FOUND, "not-found", "Not Found", "No user exists with id " + id + ".");
    }

    public static IdentityRefusal clientNotFound(Object id) {
        return new IdentityRefusal(
                Kind.NOT_FOUND, "not-found", "Not Found", "No API client exists with id " + id + ".");
    }

    public static IdentityRefusal duplicateEmail(String email) {
        var refusal = new IdentityRefusal(
                Kind.CONFLICT, "duplicate-email", "Duplicate email", "A user with this email already exists.");
        refusal.with("email", email);
        return refusal;
    }
}
