package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The boards and board roles one transaction has read. Every board call checks access, so a recipe's run, which
 * reads the board, creates an item and posts its first update, would read the same board and role three times;
 * with this memo, one transaction reads each once. It lives as long as its transaction (the {@code transaction}
 * scope), so a new transaction reads afresh; a change of membership through {@link BoardRepository} forgets
 * that role.
 */
@Component
@Scope("transaction")
class BoardMemo {

    private final Map<BoardId, Optional<BoardRepository.StoredBoard>> boards = new HashMap<>();
    private final Map<Member, Optional<BoardRole>> roles = new HashMap<>();

    Optional<BoardRepository.StoredBoard> board(BoardId id, Supplier<Optional<BoardRepository.StoredBoard>> read) {
        return remembered(boards, id, read);
    }

    Optional<BoardRole> role(BoardId boardId, UserId userId, Supplier<Optional<BoardRole>> read) {
        return remembered(roles, new Member(boardId, userId), read);
    }

    void forgetRole(BoardId boardId, UserId userId) {
        roles.remove(new Member(boardId, userId));
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
