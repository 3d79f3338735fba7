package dev.mailboard.app.jobs.spi;

import java.time.Duration;
import java.util.Objects;

/** What a job run came to: done, retry no sooner than a given delay, or failed for good. */
public sealed interface JobOutcome {

    /**
     * The job is finished.
     *
     * @return the outcome
     */
    static JobOutcome done() {
        return Done.INSTANCE;
    }

    /**
     * Try again later, no sooner than {@code delay} (a {@code Retry-After}); the usual backoff applies
     * when it is longer. Counts as an attempt.
     *
     * @param delay the least time to wait
     * @param reason why, for the dead-letter table if attempts run out; never a secret
     * @return the outcome
     */
    static JobOutcome retryAfter(Duration delay, String reason) {
        return new RetryAfter(delay, reason);
    }

    /**
     * The job cannot succeed; it goes to the dead-letter table at once, where an admin may replay it.
     *
     * @param reason why; never a secret
     * @return the outcome
     */
    static JobOutcome failed(String reason) {
        return new Failed(reason);
    }

    /** The job is finished. */
    enum Done implements JobOutcome {
        /** The only value. */
        INSTANCE
    }

    /**
     * Try again no sooner than {@code delay}.
     *
     * @param delay the least time to wait
     * @param reason why
     */
    record RetryAfter(Duration delay, String reason) implements JobOutcome {
        /** Checks the values. */
        public RetryAfter {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("A retry delay cannot be negative: " + delay);
            }
        }
    }

    /**
     * Failed for good.
     *
     * @param reason why
     */
    record Failed(String reason) implements JobOutcome {}
}
