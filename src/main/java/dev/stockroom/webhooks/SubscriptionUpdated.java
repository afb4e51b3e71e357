package dev.stockroom.webhooks;

import java.util.Map;

/** A subscription's URL, event types, description or enabled flag changed. */
public record SubscriptionUpdated(WebhookSubscription before, WebhookSubscription subscription)
        implements SubscriptionEvent {

    @Override
    public String action() {
        return "webhook_subscription.updated";
    }

    @Override
    public Map<String, Change> changes() {
        return dev.stockroom.shared.audit.AuditableEvent.between(
                SubscriptionEvent.fieldsOf(before), SubscriptionEvent.fieldsOf(subscription));
    }
}
