package dev.stockroom.webhooks.web;

import dev.stockroom.webhooks.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message to one subscription, and where it stands. */
@Schema(name = "WebhookDelivery", description = "A message to a subscription and what became of it.")
record DeliveryResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The delivery's id.",
                example = "5f0c2a4e-8a0b-4d52-9d86-3d8c2c7e1b9a")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The subscription it goes to.",
                example = "7d7e4f0c-3c1b-4a57-9a43-2b1f0e6d5c21")
        UUID subscriptionId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event type.", example = "order.placed")
        String eventType,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The `webhook-id` header: the same on every attempt, for receivers to deduplicate.",
                example = "msg_5f0c2a4e-8a0b-4d52-9d86-3d8c2c7e1b9a")
        String webhookId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"pending", "succeeded", "failed", "dead"},
                description = "`pending`: waiting for an attempt; `failed`: refused by the receiver (a 4xx other"
                        + " than 429, a redirect) or not sent to a forbidden address, not retried; `dead`: every"
                        + " attempt failed.",
                example = "succeeded")
        String status,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Attempts made so far.", example = "1")
        int attempts,

        @Schema(description = "The status code of the last attempt's answer.", example = "200") @Nullable Integer lastStatusCode,

        @Schema(description = "Why the last attempt got no answer.", example = "timeout") @Nullable String lastError,

        @Schema(description = "When the last attempt was made.", example = "2026-12-01T10:15:31Z") @Nullable Instant lastAttemptAt,

        @Schema(description = "When the next attempt is due, while pending.", example = "2026-12-01T10:15:36Z")
        @Nullable Instant nextAttemptAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the event happened.",
                example = "2026-12-01T10:15:30Z")
        Instant createdAt) {

    static DeliveryResponse from(Delivery delivery) {
        return new DeliveryResponse(
                delivery.id(),
                delivery.subscriptionId(),
                delivery.eventType().wireValue(),
                delivery.webhookId(),
                delivery.status().wireValue(),
                delivery.attempts(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.lastAttemptAt(),
                delivery.status() == Delivery.Status.PENDING ? delivery.nextAttemptAt() : null,
                delivery.createdAt());
    }
}
