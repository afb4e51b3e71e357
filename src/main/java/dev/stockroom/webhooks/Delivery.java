package dev.stockroom.webhooks;

import dev.stockroom.shared.WireValue;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message to one subscription and what became of it. Its {@link #webhookId()} is the same on every attempt,
 * so a receiver can drop a message it has already seen.
 *
 * @param nextAttemptAt when it is due (pending), or when it was last due
 * @param lastStatusCode the status code of the last attempt's answer, if it got one
 * @param lastError why the last attempt failed without an answer ({@code timeout}, {@code forbidden address}...)
 * @param traceparent the W3C trace context of the span that wrote it, which its sending continues; null if none
 */
public record Delivery(
        UUID id,
        UUID subscriptionId,
        EventType eventType,
        String payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable String traceparent) {

    /** Where a delivery stands. */
    public enum Status implements WireValue {
        /** Waiting for its first attempt or for a retry. */
        PENDING("pending"),
        SUCCEEDED("succeeded"),
        /** The receiver refused it (a 4xx other than 429) or it may not be sent there; not retried. */
        FAILED("failed"),
        /** Every attempt failed. */
        DEAD("dead");

        private final String name;

        Status(String name) {
            this.name = name;
        }

        @Override
        public String wireValue() {
            return name;
        }
    }

    public String webhookId() {
        return "msg_" + id;
    }
}
