package dev.stockroom.webhooks.outbound;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one webhook call ended: with the receiver's status code, or with an error before any status arrived.
 *
 * @param statusCode the status the receiver answered, if it answered
 * @param error why no status arrived, if none did: one of {@link #TIMEOUT}, {@link #CONNECTION_REFUSED}, {@link
 *     #FORBIDDEN_ADDRESS}, {@link #FORBIDDEN_URL}, {@link #UNKNOWN_HOST}, {@link #TLS_ERROR}, {@link
 *     #CONNECTION_ERROR}; short, and free of internals, so it may be shown to the partner
 * @param retryAfter how long the receiver asked to wait, from a {@code Retry-After} on a 429 or 503 (at most 24
 *     hours)
 * @param bodyExcerpt the start of the response body, for diagnostics; empty if there was none
 * @param elapsed how long the call took
 */
public record Outcome(
        @Nullable Integer statusCode,
        @Nullable String error,
        @Nullable Duration retryAfter,
        String bodyExcerpt,
        Duration elapsed) {

    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_REFUSED = "connection refused";
    /** The host resolved to an address the policy forbids; no connection was made. */
    public static final String FORBIDDEN_ADDRESS = "forbidden address";
    /** The URL breaks a rule of {@link WebhookUrls} (the policy changed since it was registered). */
    public static final String FORBIDDEN_URL = "forbidden url";

    public static final String UNKNOWN_HOST = "host cannot be resolved";
    public static final String TLS_ERROR = "tls error";
    public static final String CONNECTION_ERROR = "connection error";

    public Outcome {
        if ((statusCode == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome has either a status code or an error");
        }
        Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public static Outcome responded(
            int statusCode, @Nullable Duration retryAfter, String bodyExcerpt, Duration elapsed) {
        return new Outcome(statusCode, null, retryAfter, bodyExcerpt, elapsed);
    }

    public static Outcome failed(String error, Duration elapsed) {
        return new Outcome(null, error, null, "", elapsed);
    }

    /** The receiver took the webhook (2xx). */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /**
     * Worth sending again later: the receiver could not be reached or did not answer in time, asked to slow down
     * (429), or failed (5xx). Not a forbidden address or URL, which will not change by waiting, nor a redirect or
     * another 4xx, which say the request or the URL is wrong.
     */
    public boolean retryable() {
        if (statusCode == null) {
            return !FORBIDDEN_ADDRESS.equals(error) && !FORBIDDEN_URL.equals(error);
        }
        return statusCode == 429 || (statusCode >= 500 && statusCode < 600);
    }

    /** The receiver says the endpoint is gone for good (410): a reason to stop sending to it. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
