package dev.stockroom.shared.idempotency;

/** The headers of the idempotency contract, as the API documents them. */
public final class IdempotencyHeaders {

    /** The key a client sends with a {@code POST} it may retry. */
    public static final String KEY = "Idempotency-Key";

    /** Set to {@code true} on a response replayed from the store. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyHeaders() {}
}
