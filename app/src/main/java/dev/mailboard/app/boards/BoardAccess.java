package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.UserView;
import org.springframework.stereotype.Component;

/**
 * Resolves actors and checks board roles. A board of another account and a board the caller is not a
 * member of both answer "not found"; a member with too small a role gets "access denied".
 */
@Component
class BoardAccess {

    private final Accounts accounts;
    private final BoardRepository boards;
    private final ItemRepository items;

    BoardAccess(Accounts accounts, BoardRepository boards, ItemRepository items) {
        this.accounts = accounts;
        this.boards = boards;
        this.items = items;
    }

    Caller resolve(Actor actor) {
        UserView user = accounts.findUser(actor.userId())
                .filter(UserView::isActive)
                .orElseThrow(() -> new BoardAccessDeniedException("The acting user is not active"));
        Author author = actor instanceof Actor.Integration integration
                ? new Author(Author.INTEGRATION, user.id(), integration.name(), integration.sourceEmail())
                : new Author(Author.USER, user.id(), user.displayName(), null);
        return new Caller(user.id(), user.accountId(), user.role(), author);
    }

    /** Finds a board the caller may see, with the caller's effective role. */
    BoardView board(Caller caller, BoardId id) {
        return board(caller, id, "board " + id);
    }

    private BoardView board(Caller caller, BoardId id, String what) {
        BoardRepository.StoredBoard board = boards.find(id)
                .filter(b -> b.accountId().equals(caller.accountId()))
                .orElseThrow(() -> new BoardNotFoundException(what));
        BoardRole role = caller.isAccountAdmin()
                ? BoardRole.OWNER
                : boards.memberRole(id, caller.userId()).orElseThrow(() -> new BoardNotFoundException(what));
        return board.view(role);
    }

    /** Finds a board and checks the caller has at least the given role on it. */
    BoardView require(Caller caller, BoardId id, BoardRole needed) {
        return require(caller, id, needed, "board " + id);
    }

    /** Finds the board of an item and checks the caller's role on it; "not found" names the item. */
    BoardView requireForItem(Caller caller, ItemId itemId, BoardRole needed) {
        return requireForItem(caller, itemId, needed, "item " + itemId);
    }

    /** As {@link #requireForItem(Caller, ItemId, BoardRole)}, naming {@code what} when not found. */
    BoardView requireForItem(Caller caller, ItemId itemId, BoardRole needed, String what) {
        BoardId boardId = items.boardOf(itemId).orElseThrow(() -> new BoardNotFoundException(what));
        return require(caller, boardId, needed, what);
    }

    private BoardView require(Caller caller, BoardId id, BoardRole needed, String what) {
        BoardView board = board(caller, id, what);
        if (!board.role().includes(needed)) {
            throw new BoardAccessDeniedException("You are " + article(board.role()) + " of board '" + board.name()
                    + "'; this needs the " + needed.code() + " role");
        }
        return board;
    }

    private static String article(BoardRole role) {
        return role == BoardRole.OWNER ? "an owner" : "a " + role.code();
    }
}
