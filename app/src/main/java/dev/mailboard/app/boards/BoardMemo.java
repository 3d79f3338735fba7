package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The boards and board roles one transaction has read. Every board call checks access, so the write of a recipe's
 * run, which creates an item and then posts its first update, would read the same board and role twice; with
 * this memo, one transaction reads each once. It is bound to its transaction and let go when the
 * transaction completes (a transaction started inside it has its own), so a new transaction reads afresh; a
 * change of membership through {@link BoardRepository} forgets that role. Outside a transaction, and while one
 * completes, nothing is remembered.
 */
final class BoardMemo extends ResourceHolderSupport {

    private final Map<BoardId, Optional<BoardRepository.StoredBoard>> boards = new HashMap<>();
    private final Map<Member, Optional<BoardRole>> roles = new HashMap<>();

    private BoardMemo() {}

    /** Reads a board through the current transaction's memo, or straight away outside a transaction. */
    static Optional<BoardRepository.StoredBoard> board(
            BoardId id, Supplier<Optional<BoardRepository.StoredBoard>> read) {
        BoardMemo memo = current();
        return memo == null ? read.get() : remembered(memo.boards, id, read);
    }

    /** Reads a member's role through the current transaction's memo, or straight away outside a transaction. */
    static Optional<BoardRole> role(BoardId boardId, UserId userId, Supplier<Optional<BoardRole>> read) {
        BoardMemo memo = current();
        return memo == null ? read.get() : remembered(memo.roles, new Member(boardId, userId), read);
    }

    /** Forgets a role the current transaction is about to change. */
    static void forgetRole(BoardId boardId, UserId userId) {
        if (TransactionSynchronizationManager.getResource(BoardMemo.class) instanceof BoardMemo memo) {
            memo.roles.remove(new Member(boardId, userId));
        }
    }

    private static @Nullable BoardMemo current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        BoardMemo memo = (BoardMemo) TransactionSynchronizationManager.getResource(BoardMemo.class);
        if (memo == null) {
            memo = new BoardMemo();
            TransactionSynchronizationManager.bindResource(BoardMemo.class, memo);
            TransactionSynchronizationManager.registerSynchronization(
                    new ResourceHolderSynchronization<>(memo, BoardMemo.class) {});
        }
        return memo;
    }

    private static <K, V> V remembered(Map<K, V> known, K key, Supplier<V> read) {
        V value = known.get(key);
        if (value == null) {
            value = read.get();
            known.put(key, value);
        }
        return value;
    }

    private record Member(BoardId boardId, UserId userId) {}
}
