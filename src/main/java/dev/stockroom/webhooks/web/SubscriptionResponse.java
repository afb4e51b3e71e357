package dev.stockroom.webhooks.web;

import dev.stockroom.webhooks.WebhookSubscription;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A webhook subscription as the API shows it: never its secret. */
@Schema(name = "WebhookSubscription", description = "Where events are sent; the signing secret is never shown here.")
record SubscriptionResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://partner.example/webhooks/stockroom")
        String url,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"order.placed\"]")
        List<String> eventTypes,

        @Schema(example = "Fulfilment at ACME") @Nullable String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean enabled,

        @Schema(
                description = "Why deliveries stopped, when the service stopped them.",
                example = "The receiver answered 410 Gone.")
        @Nullable String disabledReason,

        @Schema(description = "The customer whose events it receives, for a client bound to one.") @Nullable UUID customerId,

        @Schema(description = "Until when the previous secret still signs beside the new one, after a rotation.")
        @Nullable Instant previousSecretExpiresAt,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1")
        long version,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {

    static SubscriptionResponse from(WebhookSubscription subscription) {
        return new SubscriptionResponse(
                subscription.id(),
                subscription.url().toString(),
                subscription.eventTypes().stream().sorted().toList(),
                subscription.description(),
                subscription.enabled(),
                subscription.disabledReason(),
                subscription.customerId(),
                subscription.previousSecretExpiresAt(),
                subscription.version(),
                subscription.createdAt(),
                subscription.updatedAt());
    }
}
