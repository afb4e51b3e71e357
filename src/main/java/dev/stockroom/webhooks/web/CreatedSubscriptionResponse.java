package dev.stockroom.webhooks.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stockroom.webhooks.CreatedSubscription;
import io.swagger.v3.oas.annotations.media.Schema;

/** A subscription with its signing secret: answered once, at creation and at each rotation. */
@Schema(
        name = "WebhookSubscriptionWithSecret",
        description = "A subscription and its signing secret, shown only now.",
        allOf = SubscriptionResponse.class)
record CreatedSubscriptionResponse(
        @JsonUnwrapped @Schema(hidden = true) SubscriptionResponse subscription,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The signing secret (Standard Webhooks): `whsec_` and base64 of 32 bytes. Store it"
                        + " now; it is never shown again.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static CreatedSubscriptionResponse from(CreatedSubscription created) {
        return new CreatedSubscriptionResponse(SubscriptionResponse.from(created.subscription()), created.secret());
    }
}
