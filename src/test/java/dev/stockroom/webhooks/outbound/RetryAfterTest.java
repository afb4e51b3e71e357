package dev.stockroom.webhooks.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** The preferred HTTP date format (RFC 9110, section 5.6.7), day of month in two digits. */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sunday, 01-Mar-26 12:01:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(30)), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitsAtMostADay() {
        assertThat(RetryAfter.parse("86401", NOW)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(3))), NOW))
                .isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "soon", "-5", "1.5", "7s", "Mon, 99 Foo 2026 25:61:00 GMT"})
    void ignoresGarbage(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isNull();
    }

    @Test
    void ignoresAnOverlongValue() {
        assertThat(RetryAfter.parse("1".repeat(65), NOW)).isNull();
    }

    static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
