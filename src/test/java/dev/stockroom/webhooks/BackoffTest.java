package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff defaults = new Backoff(Duration.ofSeconds(5), Duration.ofHours(10));

    @RepeatedTest(50)
    void everyWaitIsJitteredInsideItsStepAndLongerThanTheOneBefore() {
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 7; attempt++) {
            Duration wait = defaults.after(attempt);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(10));
            if (attempt < 6) {
                assertThat(wait).isGreaterThan(previous);
            }
            previous = wait;
        }
        assertThat(defaults.after(1)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.after(2)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(defaults.after(3)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(3));
    }

    @Test
    void theDefaultsSpreadEightAttemptsOverAboutADay() {
        var longest = Duration.ZERO;
        for (int attempt = 1; attempt <= 7; attempt++) {
            longest = longest.plus(Duration.ofMillis(
                    (long) Math.min(5000 * Math.pow(WebhookProperties.RETRY_FACTOR, attempt - 1), 36_000_000)));
        }
        assertThat(longest).isBetween(Duration.ofHours(20), Duration.ofHours(26));
    }

    @RepeatedTest(20)
    void capsAreJitteredToo() {
        assertThat(defaults.after(7)).isBetween(Duration.ofHours(5), Duration.ofHours(10));
    }
}
