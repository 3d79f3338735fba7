package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Before every action: is the recipe's owner still active, still allowed to create integrations, still the
 * owner of the connection and still an editor of the board (S-47, S-48)? Calls nothing that throws for a
 * lost access, so that it can run anywhere.
 */
@Component
class OwnerCheck {

    private final Accounts accounts;
    private final Boards boards;
    private final Connections connections;

    OwnerCheck(Accounts accounts, Boards boards, Connections connections) {
        this.accounts = accounts;
        this.boards = boards;
        this.connections = connections;
    }

    /** Why the owner may no longer act, or null when they may. */
    @Nullable
    String problem(Recipe recipe) {
        Optional<UserView> owner =
                accounts.findUser(recipe.accountId(), recipe.ownerId()).filter(UserView::isActive);
        if (owner.isEmpty()) {
            return "the recipe's owner is no longer an active user";
        }
        boolean permitted = accounts.findAccount(recipe.accountId())
                .map(a -> a.mayCreateIntegrations(owner.get().role()))
                .orElse(false);
        if (!permitted) {
            return "the owner's role may no longer create integrations";
        }
        Optional<ConnectionView> connection = connections.find(recipe.connectionId());
        if (connection.isEmpty()
                || !connection.get().accountId().equals(recipe.accountId())
                || !connection.get().isOwnedBy(recipe.ownerId())) {
            return "the mailbox connection no longer belongs to the owner";
        }
        boolean editor;
        try {
            editor =
                    boards.board(Actor.user(recipe.ownerId()), recipe.boardId()).canEdit();
        } catch (BoardAccessDeniedException | BoardNotFoundException e) {
            editor = false;
        }
        return editor ? null : "the owner lost edit access to the board";
    }
}
