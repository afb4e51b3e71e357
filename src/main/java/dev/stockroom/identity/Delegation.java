package dev.stockroom.identity;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.security.BoundClientRefused;
import dev.stockroom.shared.security.Caller;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Nobody hands out more power than they hold. A caller creating or changing a client or a user grants only scopes
 * its own token carries (for a user: every scope of the role; a token of a person is already cut to their role, so
 * nobody creates a role above their own); it changes or deletes only users and clients that hold no scope it
 * lacks; a caller bound to a customer registers only clients bound to that same customer and administers no users.
 * Otherwise holding {@code users:admin} alone would be worth every scope, and a bound partner could register an
 * unbound client and leave its customer behind.
 */
final class Delegation {

    private Delegation() {}

    /** The scopes (sent as {@code field}) must all be the caller's own. */
    static void grants(Caller caller, Collection<String> scopes, String field) {
        var missing = lacking(caller, scopes);
        if (!missing.isEmpty()) {
            throw ScopeNotHeld.toGrant(field, missing);
        }
    }

    /** A bound caller keeps the binding: what it registers or removes is bound to its own customer. */
    static void keepsBinding(Caller caller, @Nullable CustomerId customerId) {
        if (caller.boundCustomer().isPresent()
                && (customerId == null || !caller.boundCustomer().orElseThrow().equals(customerId.value()))) {
            throw BoundClientRefused.because(
                    "A caller bound to a customer registers and removes only clients bound to that same customer.",
                    "/customer_id");
        }
    }

    /** Users are staff; a caller bound to a customer administers none. */
    static void administersUsers(Caller caller) {
        if (caller.boundCustomer().isPresent()) {
            throw BoundClientRefused.because("A caller bound to a customer cannot create, change or delete users.");
        }
    }

    /** The caller holds everything the user or client it changes or deletes holds. */
    static void outranks(Caller caller, Set<String> theirs, String what) {
        var missing = lacking(caller, theirs);
        if (!missing.isEmpty()) {
            throw ScopeNotHeld.toChange(what, missing);
        }
    }

    private static Set<String> lacking(Caller caller, Collection<String> scopes) {
        var missing = new TreeSet<>(scopes);
        missing.removeAll(caller.scopes());
        return missing;
    }
}
