package dev.stockroom.webhooks.web;

import dev.stockroom.shared.web.PresentIfSent;
import dev.stockroom.webhooks.SubscriptionChanges;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The body of {@code PATCH /v1/webhook-subscriptions/{id}}: only the members sent change. */
@Schema(name = "UpdateWebhookSubscriptionRequest", description = "The fields of a subscription to change.")
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record UpdateSubscriptionRequest(
        @Schema(description = "New receiver URL.", example = "https://partner.example/webhooks/v2")
        @PresentIfSent
        @Nullable Optional<@Size(min = 1, max = 2048) String> url,

        @Schema(description = "New event types, or `[\"*\"]`.", example = "[\"*\"]") @PresentIfSent @Nullable Optional<@NotEmpty @Size(max = 20) List<@NotNull @Size(max = 64) String>> eventTypes,

        @Schema(description = "New description; null removes it.", example = "Fulfilment") @Nullable Optional<@Size(max = 500) String> description,

        @Schema(
                description = "False stops deliveries; true starts them again (and closes the breaker).",
                example = "true")
        @PresentIfSent
        @Nullable Optional<Boolean> enabled) {

    SubscriptionChanges toChanges() {
        return new SubscriptionChanges(
                url == null ? null : url.orElseThrow().strip(),
                eventTypes == null ? null : List.copyOf(eventTypes.orElseThrow()),
                description,
                enabled == null ? null : enabled.orElseThrow());
    }
}
