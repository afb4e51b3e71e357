package dev.stockroom.ordering;

import dev.stockroom.shared.security.Caller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of an order's history: the status it entered, when, who moved it, and why if they said. */
public record StatusChange(
        OrderStatus status, Instant at, String by, @Nullable String reason) {

    /**
     * Whether the caller may see who made this step and why. Staff see everything; a partner client bound to a
     * customer sees the actor and reason only of its own steps: staff ids and their free-text reasons (which
     * may speak of the customer) are internal.
     */
    public boolean disclosesActorTo(Caller caller) {
        return caller.boundCustomer().isEmpty() || by.equals(caller.subject());
    }
}
