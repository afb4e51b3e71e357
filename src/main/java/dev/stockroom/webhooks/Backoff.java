package dev.stockroom.webhooks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failed attempt: exponential steps of {@link WebhookProperties#RETRY_FACTOR} from
 * {@code initial}, capped at {@code maxDelay}, with full jitter inside each step (the wait after attempt
 * {@code n} is drawn uniformly from the end of step {@code n - 1} to the end of step {@code n}), so receivers
 * that failed together do not come back together, and every wait is still longer than the one before. With
 * the defaults (5 s, 10 h, 8 attempts) the retries come within 5 s, 30 s, 3 min, 18 min, 1.8 h, 10 h and 10 h:
 * the last about a day after the first attempt, as the Standard Webhooks recommendations have it.
 */
record Backoff(Duration initial, Duration maxDelay) {

    /** The wait after the {@code attempt}-th attempt failed (1 for the first). */
    Duration after(int attempt) {
        long upper = step(attempt);
        long lower = attempt <= 1 ? 0 : Math.min(step(attempt - 1), upper / 2);
        if (upper == lower) {
            return Duration.ofMillis(upper);
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(lower, upper) + 1);
    }

    private long step(int attempt) {
        double millis = initial.toMillis() * Math.pow(WebhookProperties.RETRY_FACTOR, Math.max(0, attempt - 1));
        return (long) Math.min(millis, maxDelay.toMillis());
    }
}
