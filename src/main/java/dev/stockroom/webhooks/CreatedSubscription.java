package dev.stockroom.webhooks;

/** A subscription with its signing secret, which is shown only now: at creation and at a rotation. */
public record CreatedSubscription(WebhookSubscription subscription, String secret) {}
