package dev.stockroom.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something that happens in the background, polling, for a bounded time. */
public final class Eventually {

    private static final long POLL_MILLIS = 20;

    private Eventually() {}

    /** Whether the condition became true within the time (it is asked once more at the end). */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
