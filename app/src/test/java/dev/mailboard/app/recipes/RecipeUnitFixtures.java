package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.UUID;

/** Recipes built in memory, for tests without Spring. */
final class RecipeUnitFixtures {

    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final UserId OWNER = new UserId(UUID.randomUUID());
    static final BoardId BOARD = new BoardId(UUID.randomUUID());
    static final ConnectionId CONNECTION = new ConnectionId(UUID.randomUUID());

    private RecipeUnitFixtures() {}

    static Recipe recipe(Condition condition, RecipeAction action) {
        return new Recipe(
                RecipeId.random(),
                ACCOUNT,
                BOARD,
                CONNECTION,
                OWNER,
                "Orders",
                new Recipe.Definition(condition, false, action),
                true,
                null,
                null,
                Instant.now(),
                Instant.now());
    }
}
