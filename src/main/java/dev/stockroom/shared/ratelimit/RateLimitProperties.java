package dev.stockroom.shared.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code stockroom.rate-limit.*}).
 *
 * @param enabled whether requests are counted at all
 * @param defaultPolicy every client's policy unless it has its own ({@code rate_limit} of the client), and every
 *     address's for requests without a token and for the token endpoint: {@code 100/1s} or {@code 100/1s;burst=200}
 * @param redisUrl {@code redis://host:port} (or {@code rediss://}) to share the buckets between instances; empty:
 *     each instance counts on its own
 * @param redisTimeout the longest a request waits for Redis before it is counted by this instance alone
 * @param redisRetry how long an instance counts on its own after Redis failed before it asks Redis again
 */
@ConfigurationProperties("stockroom.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100/1s") String defaultPolicy,
        @DefaultValue("") String redisUrl,
        @DefaultValue("25ms") Duration redisTimeout,
        @DefaultValue("1s") Duration redisRetry) {}
