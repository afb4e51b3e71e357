package dev.stockroom.webhooks;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** No delivery exists with the id, or none of a subscription the caller may see. */
public final class DeliveryNotFound extends DomainException {

    private DeliveryNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static DeliveryNotFound withId(UUID id) {
        return new DeliveryNotFound("No webhook delivery exists with id " + id + ".");
    }
}
