package dev.mailboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's notion of now: the system clock plus an offset that the control API can advance. */
public final class SandboxClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** The current sandbox time. */
    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    /** Moves the clock forward. */
    public void advance(Duration amount) {
        offsetMillis.addAndGet(amount.toMillis());
    }

    /** How far the clock is ahead of the system clock. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /** Restores an offset read from a snapshot. */
    public void restore(Duration value) {
        offsetMillis.set(value.toMillis());
    }
}
