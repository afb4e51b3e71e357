/**
 * Calls that leave for partners' webhook URLs: which URLs may be registered ({@link
 * dev.stockroom.webhooks.outbound.WebhookUrls}), and the one HTTP client that posts to them ({@link
 * dev.stockroom.webhooks.outbound.WebhookHttpClient}). Both refuse addresses inside the operator's own networks
 * (loopback, private, link-local, cloud metadata) unless the {@link dev.stockroom.webhooks.outbound.OutboundPolicy}
 * allows them, so a registered URL cannot be used to reach internal services (server-side request forgery). The
 * check at registration is for the partner's benefit; the one that protects is made again at connection time,
 * against the addresses actually connected to.
 */
@NullMarked
package dev.stockroom.webhooks.outbound;

import org.jspecify.annotations.NullMarked;
