package dev.stockroom.identity;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of failed sign-ins and token requests. After {@code maxAccountFailures} failures for one account
 * (or {@code maxAddressFailures} from one client address) within {@code window}, further attempts answer 429
 * until the window has passed; the owner is never locked out for longer.
 */
@Validated
@ConfigurationProperties("stockroom.throttle")
public record ThrottleProperties(
        @DefaultValue("5") @Min(1) int maxAccountFailures,
        @DefaultValue("20") @Min(1) int maxAddressFailures,
        @DefaultValue("15m") Duration window) {}
