package dev.stockroom.webhooks;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** No subscription exists with the id, or none the caller may see (a bound client sees only its own). */
public final class SubscriptionNotFound extends DomainException {

    private SubscriptionNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static SubscriptionNotFound withId(UUID id) {
        return new SubscriptionNotFound("No webhook subscription exists with id " + id + ".");
    }
}
