package dev.stockroom.identity.throttle;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of failed sign-ins and token requests. After {@code maxAccountFailures} failures for one account
 * from one client address, or {@code maxAddressFailures} from one address for any accounts, within {@code
 * window}, further attempts from that address answer 429 until the window has passed. Nothing blocks an
 * account from every address; after {@code maxAccountFailures} failures for a person from anywhere, each
 * attempt for them waits {@code accountDelay} first (at most 10 seconds, so the owner is slowed, never shut
 * out).
 */
@Validated
@ConfigurationProperties("stockroom.identity.throttle")
record ThrottleProperties(
        @DefaultValue("5") @Min(1) int maxAccountFailures,
        @DefaultValue("20") @Min(1) int maxAddressFailures,
        @DefaultValue("15m") Duration window,

        @DefaultValue("1s") @DurationMin(seconds = 0) @DurationMax(seconds = 10)
        Duration accountDelay) {}
