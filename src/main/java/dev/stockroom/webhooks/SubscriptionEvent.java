package dev.stockroom.webhooks;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a webhook subscription, for the audit log: never carrying a secret, only that one
 * was rotated.
 */
public sealed interface SubscriptionEvent extends AuditableEvent
        permits SubscriptionCreated,
                SubscriptionUpdated,
                SubscriptionDeleted,
                SubscriptionSecretRotated,
                SubscriptionDisabled {

    WebhookSubscription subscription();

    @Override
    default String resourceType() {
        return "webhook_subscription";
    }

    @Override
    default String resourceId() {
        return subscription().id().toString();
    }

    /** What the audit log shows of a subscription. */
    static Map<String, Object> fieldsOf(WebhookSubscription subscription) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("url", subscription.url().toString());
        fields.put("event_types", subscription.eventTypes().stream().sorted().toList());
        fields.put("enabled", subscription.enabled());
        if (subscription.description() != null) {
            fields.put("description", subscription.description());
        }
        if (subscription.customerId() != null) {
            fields.put("customer_id", String.valueOf(subscription.customerId()));
        }
        return fields;
    }
}
