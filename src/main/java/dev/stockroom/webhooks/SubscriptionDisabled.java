package dev.stockroom.webhooks;

import java.util.Map;

/** The service stopped sending to a subscription: its receiver answered 410 Gone. */
public record SubscriptionDisabled(WebhookSubscription subscription, String reason) implements SubscriptionEvent {

    @Override
    public String action() {
        return "webhook_subscription.disabled";
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of("enabled", new Change(true, false), "disabled_reason", new Change(null, reason));
    }
}
