package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores boards and their members. A board or role found by id is remembered for the rest of the transaction
 * ({@link BoardMemo}); a change of membership forgets the role it changed.
 */
@Repository
class BoardRepository {

    private static final String COLUMNS = "b.id, b.account_id, b.name, b.description, b.created_at, "
            + "b.created_by_kind, b.created_by_user_id, " + "b.created_by_name, b.created_by_source";

    private final JdbcClient jdbc;

    BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StoredBoard insert(AccountId accountId, NewBoard board, Author author, Instant now) {
        BoardId id = new BoardId(UUID.randomUUID());
        jdbc.sql("insert into board (id, account_id, name, description, created_at, "
                        + AuthorColumns.names("created_by") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(id.value())
                .param(accountId.value())
                .param(board.name())
                .param(board.description())
                .param(Timestamp.from(now))
                .params(AuthorColumns.values(author))
                .update();
        return new StoredBoard(id, accountId, board.name(), board.description(), author, now);
    }

    Optional<StoredBoard> find(BoardId id) {
        return BoardMemo.board(id, () -> read(id));
    }

    private Optional<StoredBoard> read(BoardId id) {
        return jdbc.sql("select " + COLUMNS + " from board b where b.id = ?")
                .param(id.value())
                .query(BoardRepository::stored)
                .optional();
    }

    List<StoredBoard> findByAccount(AccountId accountId) {
        return jdbc.sql("select " + COLUMNS + " from board b where b.account_id = ? order by lower(b.name), b.id")
                .param(accountId.value())
                .query(BoardRepository::stored)
                .list();
    }

    List<MemberBoard> findByMember(AccountId accountId, UserId userId) {
        return jdbc.sql("select " + COLUMNS + ", m.role from board b join board_member m on m.board_id = b.id"
                        + " where b.account_id = ? and m.user_id = ? order by lower(b.name), b.id")
                .params(accountId.value(), userId.value())
                .query((rs, n) -> new MemberBoard(stored(rs, n), BoardRole.fromCode(rs.getString("role"))))
                .list();
    }

    Optional<BoardRole> memberRole(BoardId boardId, UserId userId) {
        return BoardMemo.role(boardId, userId, () -> readRole(boardId, userId));
    }

    private Optional<BoardRole> readRole(BoardId boardId, UserId userId) {
        return jdbc.sql("select role from board_member where board_id = ? and user_id = ?")
                .params(boardId.value(), userId.value())
                .query(String.class)
                .optional()
                .map(BoardRole::fromCode);
    }

    void putMember(BoardId boardId, UserId userId, BoardRole role) {
        BoardMemo.forgetRole(boardId, userId);
        int updated = jdbc.sql("update board_member set role = ? where board_id = ? and user_id = ?")
                .params(role.code(), boardId.value(), userId.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into board_member (board_id, user_id, role) values (?, ?, ?)")
                    .params(boardId.value(), userId.value(), role.code())
                    .update();
        }
    }

    boolean removeMember(BoardId boardId, UserId userId) {
        BoardMemo.forgetRole(boardId, userId);
        return jdbc.sql("delete from board_member where board_id = ? and user_id = ?")
                        .params(boardId.value(), userId.value())
                        .update()
                > 0;
    }

    List<MemberView> members(BoardId boardId) {
        return jdbc.sql("select user_id, role from board_member where board_id = ? order by role, user_id")
                .param(boardId.value())
                .query((rs, n) -> new MemberView(
                        new UserId(rs.getObject("user_id", UUID.class)), BoardRole.fromCode(rs.getString("role"))))
                .list();
    }

    private static StoredBoard stored(ResultSet rs, int row) throws SQLException {
        return new StoredBoard(
                new BoardId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                AuthorColumns.read(rs, "created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** A board row. */
    record StoredBoard(
            BoardId id, AccountId accountId, String name, String description, Author createdBy, Instant createdAt) {

        BoardView view(BoardRole role) {
            return new BoardView(id, accountId, name, description, createdBy, createdAt, role);
        }
    }

    /** A board with a member's role on it. */
    record MemberBoard(StoredBoard board, BoardRole role) {}
}
