package dev.stockroom.webhooks.web;

import dev.stockroom.webhooks.NewSubscription;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/webhook-subscriptions}. */
@Schema(name = "CreateWebhookSubscriptionRequest", description = "Where to send which events.")
record CreateSubscriptionRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The receiver: an https URL on the public internet.",
                example = "https://partner.example/webhooks/stockroom")
        @NotBlank @Size(max = 2048) @Nullable String url,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                requiredMode = Schema.RequiredMode.REQUIRED,
                                description = "The event types to receive, or `[\"*\"]` for all of them.",
                                example = "[\"order.placed\", \"order.shipped\"]"),
                schema = @Schema(implementation = String.class))
        @NotEmpty @Size(max = 20) @Nullable List<@NotNull @Size(max = 64) String> eventTypes,

        @Schema(description = "What the subscription is for, for people.", example = "Fulfilment at ACME")
        @Size(max = 500) @Nullable String description) {

    @SuppressWarnings("NullAway") // validated: url and event_types are present
    NewSubscription toCommand() {
        return new NewSubscription(url.strip(), List.copyOf(eventTypes), description);
    }
}
