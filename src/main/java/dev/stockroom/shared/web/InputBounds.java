package dev.stockroom.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The bounds every input is held to where it is bound, whatever the endpoint: a value outside them is refused
 * with 422 before anything parses, fingerprints or stores it. They are wider than any field's own rule (which
 * Bean Validation still checks) and exist so that no field can be forgotten: a decimal with a billion-digit
 * exponent, a date in the year 300000, a NUL character or a lone UTF-16 surrogate (which PostgreSQL cannot
 * store or compare) never reach the code behind the edge.
 */
public final class InputBounds {

    /** Digits before and after the decimal point a decimal may have. */
    public static final int MAX_INTEGER_DIGITS = 20;

    public static final int MAX_FRACTION_DIGITS = 20;

    /** The longest text a decimal or date-time may be written in. */
    static final int MAX_SCALAR_TEXT = 64;

    /** The longest value of a query parameter (a cursor is the longest we issue). */
    public static final int MAX_PARAMETER_LENGTH = 2048;

    /** The most query parameters a request may carry. */
    static final int MAX_PARAMETERS = 32;

    /** The longest value of a request header the API binds ({@code If-Match}, {@code If-None-Match}). */
    static final int MAX_HEADER_LENGTH = 1024;

    /** RFC 3339 four-digit years: the range every client and PostgreSQL can represent and compare. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InputBounds() {}

    /** Why a refusal happened: a stable code for programs and a sentence for people. */
    public record Violation(String code, String detail) {}

    static final Violation DECIMAL_OUT_OF_RANGE = new Violation(
            "out_of_range",
            "must be a decimal number with at most %d integer and %d fraction digits"
                    .formatted(MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS));

    static final Violation INSTANT_OUT_OF_RANGE =
            new Violation("out_of_range", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");

    static final Violation INVALID_CHARACTERS = new Violation(
            "invalid_characters", "must not contain control characters (such as NUL) or unpaired surrogates");

    static final Violation INVALID_ENCODING =
            new Violation("invalid_encoding", "must be percent-encoded UTF-8 (RFC 3986)");

    public static Violation tooLong(int max) {
        return new Violation("too_long", "must be at most " + max + " characters");
    }

    /**
     * A decimal within {@link #MAX_INTEGER_DIGITS} and {@link #MAX_FRACTION_DIGITS}. Precision and scale are read
     * without expanding the number, so {@code 1e999999999} is refused as fast as {@code 1e3}.
     */
    public static @Nullable Violation check(BigDecimal value) {
        int scale = value.scale();
        long integerDigits = (long) value.precision() - scale;
        return scale > MAX_FRACTION_DIGITS || integerDigits > MAX_INTEGER_DIGITS ? DECIMAL_OUT_OF_RANGE : null;
    }

    public static @Nullable Violation check(Instant value) {
        return value.isBefore(EARLIEST) || value.isAfter(LATEST) ? INSTANT_OUT_OF_RANGE : null;
    }

    public static @Nullable Violation check(OffsetDateTime value) {
        return check(value.toInstant());
    }

    /**
     * Text PostgreSQL can store and compare, and that means what it shows: no NUL or other C0 control character
     * (tab, line feed and carriage return are allowed in body text, never in a parameter), no DEL, and no UTF-16
     * surrogate without its partner (which would be stored as {@code ?}).
     */
    public static @Nullable Violation check(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (!multiline || (c != '\t' && c != '\n' && c != '\r')) {
                    return INVALID_CHARACTERS;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return INVALID_CHARACTERS;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return INVALID_CHARACTERS;
            }
        }
        return null;
    }
}
