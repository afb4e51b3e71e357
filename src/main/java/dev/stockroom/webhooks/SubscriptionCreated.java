package dev.stockroom.webhooks;

import java.util.Map;

/** A subscription was created. */
public record SubscriptionCreated(WebhookSubscription subscription) implements SubscriptionEvent {

    @Override
    public String action() {
        return "webhook_subscription.created";
    }

    @Override
    public Map<String, Change> changes() {
        return dev.stockroom.shared.audit.AuditableEvent.created(SubscriptionEvent.fieldsOf(subscription));
    }
}
