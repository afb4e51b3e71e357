package dev.stockroom.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, or that moves by a step at each reading ({@link #ticking}); safe
 * to read from other threads.
 */
public final class MutableClock extends Clock {

    private Instant now;

    private final Duration tick;

    public MutableClock(Instant now) {
        this(now, Duration.ZERO);
    }

    private MutableClock(Instant now, Duration tick) {
        this.now = now;
        this.tick = tick;
    }

    /** A clock {@code step} later at each reading. */
    public static MutableClock ticking(Instant start, Duration step) {
        return new MutableClock(start, step);
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
        var reading = now;
        now = now.plus(tick);
        return reading;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
