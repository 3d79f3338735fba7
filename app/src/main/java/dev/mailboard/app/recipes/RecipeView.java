package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recipe as its board's members see it.
 *
 * @param id the recipe
 * @param name its name
 * @param boardId the board it writes to
 * @param connectionId the connection it reads
 * @param ownerId the user it acts for; its connection is theirs
 * @param condition which mail matters
 * @param conditionText the condition in words
 * @param includeAutomated whether automated mail is processed too
 * @param action what matching mail becomes
 * @param active whether it runs
 * @param pauseReason why it is paused, or null
 * @param warnings things to know, for example that a sender condition is not authenticated (S-56)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record RecipeView(
        RecipeId id,
        String name,
        BoardId boardId,
        ConnectionId connectionId,
        UserId ownerId,
        Condition condition,
        String conditionText,
        boolean includeAutomated,
        RecipeAction action,
        boolean active,
        @Nullable String pauseReason,
        List<String> warnings,
        Instant createdAt,
        Instant updatedAt) {

    /** The warning shown with a sender condition (S-56). */
    public static final String SENDER_NOT_AUTHENTICATED =
            "A sender condition is not authenticated: anyone can write any address into the From line.";
}
