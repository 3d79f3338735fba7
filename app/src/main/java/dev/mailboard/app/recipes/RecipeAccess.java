package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import org.springframework.stereotype.Component;

/**
 * Who may do what with recipes. Reading a recipe and its run log takes membership of its board; creating,
 * changing, pausing, replaying or deleting one takes the account permission "who may create integrations"
 * and the editor role on the board (S-45); a recipe reads only a mailbox its owner connected (S-48).
 * Another account's ids, and boards the user is not a member of, are unknown (404).
 */
@Component
class RecipeAccess {

    private final Accounts accounts;
    private final Boards boards;
    private final Connections connections;
    private final RecipeRepository recipes;

    RecipeAccess(Accounts accounts, Boards boards, Connections connections, RecipeRepository recipes) {
        this.accounts = accounts;
        this.boards = boards;
        this.connections = connections;
        this.recipes = recipes;
    }

    /** The recipe, if the user is a member of its board. */
    Recipe readable(CurrentUser user, RecipeId id) {
        Recipe recipe =
                recipes.find(user.accountId(), id).orElseThrow(() -> new RecipeNotFoundException("recipe " + id));
        boards.board(Actor.of(user), recipe.boardId());
        return recipe;
    }

    /** The recipe, if the user may change it. */
    Recipe changeable(CurrentUser user, RecipeId id) {
        Recipe recipe = readable(user, id);
        requireCreator(user, recipe.boardId());
        return recipe;
    }

    /** Checks the account permission and the editor role on the board. */
    BoardView requireCreator(CurrentUser user, BoardId boardId) {
        BoardView board = boards.board(Actor.of(user), boardId);
        boolean permitted = accounts.findAccount(user.accountId())
                .map(a -> a.mayCreateIntegrations(user.role()))
                .orElse(false);
        if (!permitted) {
            throw new RecipePermissionException(
                    "Your role may not create integrations in this account; an admin can allow it in Settings.");
        }
        if (!board.canEdit()) {
            throw new RecipePermissionException(
                    "Recipes write to board '" + board.name() + "', so they need the editor role on it.");
        }
        return board;
    }

    /** The user's own connection (S-48). */
    ConnectionView ownConnection(CurrentUser user, ConnectionId id) {
        ConnectionView connection = connections
                .find(id)
                .filter(c -> c.accountId().equals(user.accountId()))
                .orElseThrow(() -> new RecipeNotFoundException("connection " + id));
        if (!connection.isOwnedBy(user.userId())) {
            throw new RecipePermissionException("A recipe can only read a mailbox you connected yourself.");
        }
        return connection;
    }
}
