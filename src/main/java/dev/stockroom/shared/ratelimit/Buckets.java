package dev.stockroom.shared.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Token buckets by key: one request taken from the key's bucket for its policy. */
interface Buckets {

    Decision take(String key, RateLimitPolicy policy);

    /**
     * Whether the request may go on, what is left of the quota, in how many nanoseconds the bucket is full again,
     * and, when refused, in how many one token is back.
     */
    record Decision(boolean allowed, long remaining, long nanosToReset, long nanosToRetry) {

        static Decision of(ConsumptionProbe probe) {
            return new Decision(
                    probe.isConsumed(),
                    probe.getRemainingTokens(),
                    probe.getNanosToWaitForReset(),
                    probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
        }
    }

    /** The policy as a bucket: {@code burst} tokens at most, {@code limit} more every window, added continuously. */
    static Bandwidth bandwidth(RateLimitPolicy policy) {
        return Bandwidth.builder()
                .capacity(policy.burst())
                .refillGreedy(policy.limit(), policy.window())
                .build();
    }

    static BucketConfiguration configuration(RateLimitPolicy policy) {
        return BucketConfiguration.builder().addLimit(bandwidth(policy)).build();
    }
}
