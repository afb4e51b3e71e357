package dev.stockroom.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When {@link LoadShedding} answers 503 at once instead of letting a request queue.
 *
 * @param maxConcurrentRequests requests in progress on this instance beyond which a new one is refused (health
 *     probes and the actuator are never refused and never counted)
 * @param maxDatabaseWaiters requests waiting for a database connection beyond which a new one is refused: past
 *     that, a new request would wait out the pool's connection timeout
 * @param retryAfterSeconds the {@code Retry-After} of the refusal
 */
@ConfigurationProperties("stockroom.load-shedding")
record SheddingProperties(
        @DefaultValue("512") int maxConcurrentRequests,
        @DefaultValue("200") int maxDatabaseWaiters,
        @DefaultValue("1") int retryAfterSeconds) {}
