package dev.mailboard.sandbox.faults;

import java.util.Random;

/** The current fault settings and the seeded random sequence that decides each fault. */
public final class Faults {

    private volatile FaultSettings settings = FaultSettings.NONE;
    private Random random = new Random(FaultSettings.NONE.seed());

    /** The current settings. */
    public FaultSettings settings() {
        return settings;
    }

    /** Replaces the settings and restarts the random sequence from their seed. */
    public synchronized void set(FaultSettings value) {
        settings = value;
        random = new Random(value.seed());
    }

    /** Back to no faults. */
    public void clear() {
        set(FaultSettings.NONE);
    }

    /** Draws once: true with the given probability. */
    public boolean roll(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (this) {
            return random.nextDouble() < rate;
        }
    }

    /** The latency to add to one request, in milliseconds. */
    public long latencyMillis() {
        var current = settings;
        if (current.latencyMs() <= 0 && current.latencyJitterMs() <= 0) {
            return 0;
        }
        synchronized (this) {
            long jitter = current.latencyJitterMs() > 0 ? (long) (random.nextDouble() * current.latencyJitterMs()) : 0;
            return current.latencyMs() + jitter;
        }
    }
}
