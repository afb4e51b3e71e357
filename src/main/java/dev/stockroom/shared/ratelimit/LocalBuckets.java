package dev.stockroom.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Buckets in this instance's memory: the only ones without Redis, and the fallback while Redis fails. At most
 * {@value #MAX_BUCKETS} of them, each forgotten an hour after its last request (a forgotten bucket starts full).
 */
final class LocalBuckets implements Buckets {

    static final int MAX_BUCKETS = 100_000;

    private final Cache<BucketKey, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Override
    public Decision take(String key, RateLimitPolicy policy) {
        var bucket = buckets.get(
                new BucketKey(key, policy),
                ignored -> Bucket.builder().addLimit(Buckets.bandwidth(policy)).build());
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** A bucket per key and policy: a client whose limit changes starts a new, full bucket. */
    private record BucketKey(String key, RateLimitPolicy policy) {}
}
