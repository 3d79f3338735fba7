package dev.mailboard.app.connections.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reports a long rewrap as it goes: how many data keys there are at the start, then "rewrapped 1,200 of 5,000"
 * every {@code every} keys or, when keys are slow (Vault Transit), every {@code interval}, and the last count
 * when the run reaches the end. Counts only: it never sees a key.
 */
final class RewrapProgressLog implements KeyRotation.Progress {

    private final Clock clock;
    private final long every;
    private final Duration interval;
    private final Consumer<String> out;
    private @Nullable Instant lastReport;
    private long lastDone = -1;

    RewrapProgressLog(Clock clock, long every, Duration interval, Consumer<String> out) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1");
        }
        this.clock = clock;
        this.every = every;
        this.interval = interval;
        this.out = out;
    }

    @Override
    public void update(long done, long total) {
        Instant now = clock.instant();
        if (lastReport == null) {
            lastReport = now;
            lastDone = done;
            out.accept(
                    total == 0
                            ? "Token key rewrap: every data key is already on the current key version"
                            : "Token key rewrap: " + count(total) + " data keys to re-wrap");
            return;
        }
        boolean finished = done == total;
        boolean due = done / every != lastDone / every || !now.isBefore(lastReport.plus(interval));
        if (done != lastDone && (finished || due)) {
            lastReport = now;
            lastDone = done;
            out.accept("Token key rewrap: rewrapped " + count(done) + " of " + count(total) + " data keys ("
                    + (total == 0 ? 100 : done * 100 / total) + "%)");
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
