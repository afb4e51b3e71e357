package dev.stockroom.webhooks.outbound;

import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.utils.DateUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110, section 10.2.3): a number of seconds, or an HTTP date. A date in
 * the past means no wait; a wait longer than {@link #MAX} is cut to it, so a receiver cannot park deliveries for
 * a year; anything else is ignored.
 */
final class RetryAfter {

    static final Duration MAX = Duration.ofHours(24);

    private RetryAfter() {}

    static @Nullable Duration parse(@Nullable String value, Instant now) {
        if (value == null || value.length() > 64) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.matches("[0-9]+")) {
            return trimmed.length() > 6 ? MAX : capped(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        Instant date = trimmed.isEmpty() ? null : DateUtils.parseStandardDate(trimmed);
        if (date == null) {
            return null;
        }
        return date.isAfter(now) ? capped(Duration.between(now, date)) : Duration.ZERO;
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
