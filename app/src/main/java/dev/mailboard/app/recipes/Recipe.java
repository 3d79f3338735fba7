package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored recipe. */
record Recipe(
        RecipeId id,
        AccountId accountId,
        BoardId boardId,
        ConnectionId connectionId,
        UserId ownerId,
        String name,
        Definition definition,
        boolean active,
        @Nullable PausedBy pausedBy,
        @Nullable String pauseReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The part of a recipe stored as JSON. */
    record Definition(Condition condition, boolean includeAutomated, RecipeAction action) {}

    /** Who paused a recipe. */
    enum PausedBy {
        /** A person; only a person resumes it. */
        PERSON,
        /** Its connection needs reconnecting (or was removed); reconnecting resumes it. */
        CONNECTION,
        /** Its owner lost access to the board or the connection; a person resumes it. */
        OWNER
    }

    /** Whether mail is processed: active, or paused only while its connection is being reconnected. */
    boolean processesMail() {
        return active || pausedBy == PausedBy.CONNECTION;
    }

    RecipeView view() {
        List<String> warnings = new ArrayList<>();
        if (definition.condition().mentionsSender()) {
            warnings.add(RecipeView.SENDER_NOT_AUTHENTICATED);
        }
        return new RecipeView(
                id,
                name,
                boardId,
                connectionId,
                ownerId,
                definition.condition(),
                definition.condition().describe(),
                definition.includeAutomated(),
                definition.action(),
                active,
                pauseReason,
                warnings,
                createdAt,
                updatedAt);
    }
}
