package dev.mailboard.app.jobs;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A job to run: a command record for some {@code JobHandler}, a key that makes enqueuing it twice
 * harmless while it is pending, and an optional time to run at.
 *
 * @param command the command record
 * @param dedupeKey a key unique to this piece of work (for example a subscription id and message id)
 * @param runAt when to run it, or null for as soon as possible
 */
public record JobRequest(
        Record command, String dedupeKey, @Nullable Instant runAt) {

    /** Checks the values. */
    public JobRequest {
        Objects.requireNonNull(command, "command");
        if (dedupeKey.isBlank()) {
            throw new IllegalArgumentException("A job needs a dedupe key");
        }
    }

    /**
     * A job to run as soon as possible.
     *
     * @param command the command record
     * @param dedupeKey a key unique to this piece of work
     * @return the request
     */
    public static JobRequest now(Record command, String dedupeKey) {
        return new JobRequest(command, dedupeKey, null);
    }
}
