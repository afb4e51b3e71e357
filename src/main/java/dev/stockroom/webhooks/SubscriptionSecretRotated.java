package dev.stockroom.webhooks;

import java.util.Map;

/** A new signing secret was issued; the previous one signs beside it until {@code previous_secret_expires_at}. */
public record SubscriptionSecretRotated(WebhookSubscription subscription) implements SubscriptionEvent {

    @Override
    public String action() {
        return "webhook_subscription.secret_rotated";
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "previous_secret_expires_at", new Change(null, String.valueOf(subscription.previousSecretExpiresAt())));
    }
}
