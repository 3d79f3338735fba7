package dev.mailboard.app.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job that ran out of attempts or failed for good, kept so an admin can see it and replay it.
 *
 * @param id the dead letter
 * @param type the job's type (its command's simple class name)
 * @param dedupeKey the key it was enqueued with
 * @param attempts how many runs were made
 * @param reason the last failure, never a secret
 * @param failedAt when it was given up
 * @param replayedAt when an admin replayed it, or null
 */
public record DeadLetterView(
        long id,
        String type,
        String dedupeKey,
        int attempts,
        String reason,
        Instant failedAt,
        @Nullable Instant replayedAt) {}
