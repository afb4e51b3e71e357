package dev.stockroom.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code stockroom.webhooks.*}).
 *
 * @param retryInitial the longest wait before the first retry; each retry may wait {@link #RETRY_FACTOR} times
 *     longer than the one before, up to {@code retryMaxDelay}, with full jitter
 * @param retryMaxDelay the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is dead
 * @param timeout the whole of one call: connecting, sending and reading the answer
 * @param allowHttp accept {@code http} URLs (never in production: the body and its signature travel in clear)
 * @param allowedNetworks CIDR ranges that receivers may be in although they are private (on-premises receivers)
 * @param pollInterval how often each instance looks for due deliveries
 * @param batchSize how many due deliveries an instance claims at a time
 * @param concurrency how many calls an instance makes at once
 * @param breakerThreshold consecutive failed attempts that open a subscription's circuit breaker
 * @param breakerOpen how long the breaker stays open the first time; it doubles each time a probe fails, to
 *     {@code breakerOpen} times 16
 * @param worker whether this instance sends deliveries (it always writes them)
 * @param secretKey encrypts the subscriptions' signing secrets at rest, the same key as the signing keys'
 * @param retention how long deliveries that succeeded or are dead, and events the broker confirmed, are kept
 *     ({@link OutboxRetention})
 */
@ConfigurationProperties("stockroom.webhooks")
record WebhookProperties(
        @DefaultValue("5s") Duration retryInitial,
        @DefaultValue("10h") Duration retryMaxDelay,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("") String allowedNetworks,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("64") int concurrency,
        @DefaultValue("5") int breakerThreshold,
        @DefaultValue("30s") Duration breakerOpen,
        @DefaultValue("true") boolean worker,
        @DefaultValue("") String secretKey,
        @DefaultValue("30d") Duration retention) {

    static final int RETRY_FACTOR = 6;
}
