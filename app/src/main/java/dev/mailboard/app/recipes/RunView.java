package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ItemId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a recipe's run log: one mail the recipe saw and what came of it.
 *
 * @param id the run
 * @param recipeId the recipe
 * @param receivedAt when the mail arrived
 * @param from its sender as stated (not authenticated)
 * @param subject its subject
 * @param outcome what the recipe did
 * @param summary the outcome in words, for example {@code created item #12} or {@code skipped: a read receipt}
 * @param itemId the item created or updated, or null
 * @param ranAt when the recipe last ran on it
 * @param replays how often it was replayed
 * @param replayable whether a replay may change the outcome
 */
public record RunView(
        long id,
        RecipeId recipeId,
        Instant receivedAt,
        String from,
        String subject,
        RunOutcome outcome,
        String summary,
        @Nullable ItemId itemId,
        Instant ranAt,
        int replays,
        boolean replayable) {}
