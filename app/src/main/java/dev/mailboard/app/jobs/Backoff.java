package dev.mailboard.app.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter, never shorter than a {@code Retry-After} the other side
 * asked for.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * The delay before the next run.
     *
     * @param attempt the number of the run that just failed, from 1
     * @param atLeast the least delay (a {@code Retry-After}), or zero
     * @return a delay between {@code atLeast} and {@code max(atLeast, cap)}
     */
    Duration after(int attempt, Duration atLeast) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        return Duration.ofMillis(Math.max(jittered, atLeast.toMillis()));
    }
}
