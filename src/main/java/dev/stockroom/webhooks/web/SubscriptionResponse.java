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
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The subscription's id.",
                example = "7d7e4f0c-3c1b-4a57-9a43-2b1f0e6d5c21")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The receiver.",
                example = "https://partner.example/webhooks/stockroom")
        String url,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The event types it receives; `*` for all.",
                example = "[\"order.placed\"]")
        List<String> eventTypes,

        @Schema(description = "What it is for, for people.", example = "Fulfilment at ACME") @Nullable String description,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Whether events are sent; false after a 410 Gone, or while paused.",
                example = "true")
        boolean enabled,

        @Schema(
                description = "Why deliveries stopped, when the service stopped them.",
                example = "The receiver answered 410 Gone.")
        @Nullable String disabledReason,

        @Schema(
                description = "The customer whose events it receives, for a client bound to one.",
                example = "0b9f3c1e-5d2a-4c1e-9e0f-3a2b1c0d9e8f")
        @Nullable UUID customerId,

        @Schema(
                description = "Until when the previous secret still signs beside the new one, after a rotation.",
                example = "2026-12-02T10:15:30Z")
        @Nullable Instant previousSecretExpiresAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Grows with every change; the ETag.",
                example = "1")
        long version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When it was created.",
                example = "2026-12-01T10:15:30Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When it last changed.",
                example = "2026-12-01T10:15:30Z")
        Instant updatedAt) {

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
