package dev.mailboard.sandbox.faults;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Outlook's limits per app and mailbox: concurrent requests and requests per sliding window. */
public final class Throttle {

    private static final int BUCKETS = 60;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SandboxProperties.Throttle limits;
    private final SandboxClock clock;

    public Throttle(SandboxProperties properties, SandboxClock clock) {
        this.limits = properties.throttle();
        this.clock = clock;
    }

    /**
     * Takes a slot for one request of an app on a mailbox.
     *
     * @return empty if the request may run (then {@link #release} must follow), else the Retry-After in seconds
     */
    public OptionalDouble acquire(String appId, String mailboxId) {
        if (!limits.enabled()) {
            return OptionalDouble.empty();
        }
        return windows.computeIfAbsent(appId + "|" + mailboxId, k -> new Window())
                .acquire(clock.now().toEpochMilli());
    }

    /** Frees the slot taken by {@link #acquire}. */
    public void release(String appId, String mailboxId) {
        if (!limits.enabled()) {
            return;
        }
        var window = windows.get(appId + "|" + mailboxId);
        if (window != null) {
            window.release();
        }
    }

    private final class Window {
        private final long[] counts = new long[BUCKETS];
        private final long[] starts = new long[BUCKETS];
        private int inFlight;

        synchronized OptionalDouble acquire(long nowMillis) {
            if (inFlight >= limits.maxConcurrent()) {
                return OptionalDouble.of(1.0);
            }
            long bucketMillis = Math.max(1, limits.window().toMillis() / BUCKETS);
            long total = 0;
            long oldest = Long.MAX_VALUE;
            for (int i = 0; i < BUCKETS; i++) {
                if (nowMillis - starts[i] < limits.window().toMillis()) {
                    total += counts[i];
                    oldest = counts[i] > 0 ? Math.min(oldest, starts[i]) : oldest;
                }
            }
            if (total >= limits.maxRequests()) {
                long waitMillis = Math.max(1, oldest + limits.window().toMillis() - nowMillis);
                return OptionalDouble.of(Math.round(waitMillis / 10.0) / 100.0);
            }
            long start = nowMillis - nowMillis % bucketMillis;
            int index = (int) ((start / bucketMillis) % BUCKETS);
            if (starts[index] != start) {
                starts[index] = start;
                counts[index] = 0;
            }
            counts[index]++;
            inFlight++;
            return OptionalDouble.empty();
        }

        synchronized void release() {
            inFlight = Math.max(0, inFlight - 1);
        }
    }
}
