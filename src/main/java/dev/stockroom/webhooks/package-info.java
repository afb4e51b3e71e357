/**
 * Webhooks to partners. A subscription names a URL and the event types it wants; every matching event is written
 * to the outbox ({@code webhook_delivery}) in the transaction of the change it reports, then sent off the
 * request path by {@link dev.stockroom.webhooks.DeliveryWorker} on whichever instance claims it, signed as the
 * Standard Webhooks specification says, retried with backoff, held back by a per-subscription circuit breaker,
 * and never to an address inside our network ({@code webhooks.outbound}). {@link WebhookSubscriptions} is the
 * module's public face; the HTTP edge lives in {@code webhooks.web}.
 *
 * <p>When {@code STOCKROOM_EVENTS_AMQP_URL} is set, the same events also go to RabbitMQ for internal consumers,
 * through an outbox of their own ({@code event_outbox}, written by the same publisher in the same transaction)
 * that {@code EventRelay} publishes to the {@code stockroom.events} topic exchange with publisher confirms.
 */
@NullMarked
package dev.stockroom.webhooks;

import org.jspecify.annotations.NullMarked;
