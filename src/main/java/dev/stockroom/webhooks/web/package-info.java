/** The HTTP face of webhooks: {@code /v1/webhook-subscriptions} and {@code /v1/webhook-deliveries}. */
@NullMarked
package dev.stockroom.webhooks.web;

import org.jspecify.annotations.NullMarked;
