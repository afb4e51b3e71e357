package dev.stockroom.shared;

/** Another customer, or another user, already has the email address (after normalisation). */
public final class DuplicateEmail extends DomainException {

    private DuplicateEmail(String owner, String email) {
        super(Kind.CONFLICT, "duplicate-email", "Duplicate email", "A " + owner + " with this email already exists.");
        with("email", email);
    }

    public static DuplicateEmail ofCustomer(String email) {
        return new DuplicateEmail("customer", email);
    }

    public static DuplicateEmail ofUser(String email) {
        return new DuplicateEmail("user", email);
    }
}
