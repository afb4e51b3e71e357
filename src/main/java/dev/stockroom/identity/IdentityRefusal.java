package dev.stockroom.identity;

import dev.stockroom.shared.DomainException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** The caller asked to grant scopes (directly, or through a role) that its own token does not hold. */
    public static IdentityRefusal scopesNotHeld(String field, Set<String> missing) {
        var sorted = List.copyOf(new TreeSet<>(missing));
        String detail =
                "A caller can grant only scopes it holds itself; this one lacks " + String.join(", ", sorted) + ".";
        var refusal = new IdentityRefusal(Kind.FORBIDDEN, "scope-not-held", "Scope not held", detail);
        refusal.with("missing_scopes", sorted);
        refusal.with("errors", List.of(error("pointer", "/" + field, detail, "not_held")));
        return refusal;
    }

    /** The user or client to change or delete holds scopes the caller lacks: it would take over more power. */
    public static IdentityRefusal holdsMoreThanCaller(String what, Set<String> missing) {
        var sorted = List.copyOf(new TreeSet<>(missing));
        var refusal = new IdentityRefusal(
                Kind.FORBIDDEN,
                "scope-not-held",
                "Scope not held",
                "This " + what + " holds scopes the caller lacks (" + String.join(", ", sorted)
                        + "); only a caller holding all of them may change or delete it.");
        refusal.with("missing_scopes", sorted);
        return refusal;
    }

    /** A caller bound to a customer named no customer, or another one, for a client it registers or removes. */
    public static IdentityRefusal bindingNotKept() {
        String detail = "A caller bound to a customer registers and removes only clients bound to that same customer.";
        var refusal = new IdentityRefusal(Kind.FORBIDDEN, "bound-client", "Not allowed for a bound client", detail);
        refusal.with("errors", List.of(error("pointer", "/customer_id", detail, "bound")));
        return refusal;
    }

    /** People are staff, bound to no customer: a caller bound to one administers none of them. */
    public static IdentityRefusal boundCallerAdministersUsers() {
        return new IdentityRefusal(
                Kind.FORBIDDEN,
                "bound-client",
                "Not allowed for a bound client",
                "A caller bound to a customer cannot create, change or delete users.");
    }
}
