package dev.stockroom.shared.ratelimit;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a client may make: {@code limit} per {@code window}, refilled continuously, with bursts of up
 * to {@code burst} (the bucket's capacity: larger than the limit to allow bursts, smaller to spread the limit
 * over the window). Written {@code 100/1s} (burst 100) or {@code
 * 100/1s;burst=200}; the window takes Spring's durations ({@code 500ms}, {@code 1s}, {@code 1m}, {@code 1h}).
 *
 * @param name the name that the {@code RateLimit} and {@code RateLimit-Policy} headers give it
 */
public record RateLimitPolicy(String name, long limit, Duration window, long burst) {

    /** The name of the policy every client has unless it has its own. */
    public static final String DEFAULT = "default";
    /** The name of a client's own policy. */
    public static final String OWN = "client";

    /** What {@link #parse} accepts, for request validation and the OpenAPI document. */
    public static final String PATTERN = "^[1-9][0-9]{0,8}/[1-9][0-9]{0,5}(ms|s|m|h)(;burst=[1-9][0-9]{0,8})?$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);
    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    public RateLimitPolicy {
        if (limit < 1 || burst < 1) {
            throw new IllegalArgumentException("A rate limit allows at least one request, and bursts of at least one");
        }
        if (window.compareTo(Duration.ofMillis(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("A rate limit's window is between 1 ms and 1 day");
        }
    }

    /** Reads {@code 100/1s} or {@code 100/1s;burst=200}; anything else throws {@link IllegalArgumentException}. */
    public static RateLimitPolicy parse(String name, String text) {
        if (!COMPILED.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "A rate limit is written like 100/1s or 100/1s;burst=200, not '" + text + "'");
        }
        int slash = text.indexOf('/');
        int semicolon = text.indexOf(';');
        long limit = Long.parseLong(text.substring(0, slash));
        var window = DurationStyle.SIMPLE.parse(text.substring(slash + 1, semicolon < 0 ? text.length() : semicolon));
        long burst = semicolon < 0 ? limit : Long.parseLong(text.substring(text.indexOf('=') + 1));
        return new RateLimitPolicy(name, limit, window, burst);
    }

    /** The window in whole seconds for the headers, at least 1. */
    long windowSeconds() {
        return Math.max(1, (window.toMillis() + 999) / 1000);
    }

    /** {@code "default";q=100;w=1}: the {@code RateLimit-Policy} header's item for this policy. */
    String header() {
        return "\"" + name + "\";q=" + limit + ";w=" + windowSeconds();
    }

    /** The policy as {@link #parse} reads it. */
    public String text() {
        return limit + "/" + windowText() + (burst == limit ? "" : ";burst=" + burst);
    }

    /** The window as {@link #parse} reads it: {@code 500ms}, {@code 1s}, {@code 1m}, {@code 2h}. */
    String windowText() {
        long millis = window.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return window.toHours() + "h";
        }
        return seconds % 60 == 0 ? window.toMinutes() + "m" : seconds + "s";
    }
}
