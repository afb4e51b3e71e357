package dev.stockroom.webhooks;

import java.util.Map;

/** A subscription was deleted, with its pending deliveries; {@code subscription} is what it was. */
public record SubscriptionDeleted(WebhookSubscription subscription) implements SubscriptionEvent {

    @Override
    public String action() {
        return "webhook_subscription.deleted";
    }

    @Override
    public Map<String, Change> changes() {
        return dev.stockroom.shared.audit.AuditableEvent.deleted(SubscriptionEvent.fieldsOf(subscription));
    }
}
