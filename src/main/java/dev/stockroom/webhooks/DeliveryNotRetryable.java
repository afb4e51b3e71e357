package dev.stockroom.webhooks;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** Only a delivery that is dead (or was refused) can be sent again; a pending one is still on its way. */
public final class DeliveryNotRetryable extends DomainException {

    private DeliveryNotRetryable(String detail, Delivery.Status status) {
        super(Kind.CONFLICT, "delivery-not-retryable", "Delivery not retryable", detail);
        with("status", status.wireValue());
    }

    public static DeliveryNotRetryable inStatus(UUID id, Delivery.Status status) {
        return new DeliveryNotRetryable(
                "Delivery " + id + " is " + status.wireValue() + "; only dead or failed deliveries are sent again.",
                status);
    }
}
