package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boards, their members and columns. */
@Service
class BoardService {

    private final BoardAccess access;
    private final BoardRepository boards;
    private final ColumnRepository columns;
    private final Accounts accounts;
    private final Clock clock;

    BoardService(BoardAccess access, BoardRepository boards, ColumnRepository columns, Accounts accounts, Clock clock) {
        this.access = access;
        this.boards = boards;
        this.columns = columns;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    BoardView create(Actor actor, NewBoard board) {
        Caller caller = access.resolve(actor);
        if (caller.accountRole() != Role.ADMIN && caller.accountRole() != Role.MEMBER) {
            throw new BoardAccessDeniedException("Only admins and members of the account may create boards");
        }
        NewBoard checked = new NewBoard(
                Names.require(board.name(), "board name", 200),
                Names.optional(board.description(), "description", 2000));
        BoardRepository.StoredBoard stored =
                boards.insert(caller.accountId(), checked, caller.author(), clock.instant());
        boards.putMember(stored.id(), caller.userId(), BoardRole.OWNER);
        return stored.view(BoardRole.OWNER);
    }

    @Transactional(readOnly = true)
    List<BoardView> list(Actor actor) {
        Caller caller = access.resolve(actor);
        if (caller.isAccountAdmin()) {
            return boards.findByAccount(caller.accountId()).stream()
                    .map(b -> b.view(BoardRole.OWNER))
                    .toList();
        }
        return boards.findByMember(caller.accountId(), caller.userId()).stream()
                .map(m -> m.board().view(m.role()))
                .toList();
    }

    @Transactional(readOnly = true)
    BoardView find(Actor actor, BoardId id) {
        return access.board(access.resolve(actor), id);
    }

    @Transactional
    MemberView putMember(Actor actor, BoardId boardId, UserId userId, BoardRole role) {
        Caller caller = access.resolve(actor);
        access.require(caller, boardId, BoardRole.OWNER);
        if (accounts.findUser(caller.accountId(), userId).isEmpty()) {
            throw new InvalidValueException("There is no user " + userId + " in this account");
        }
        boards.putMember(boardId, userId, role);
        return new MemberView(userId, role);
    }

    @Transactional
    void removeMember(Actor actor, BoardId boardId, UserId userId) {
        Caller caller = access.resolve(actor);
        access.require(caller, boardId, BoardRole.OWNER);
        if (!boards.removeMember(boardId, userId)) {
            throw new BoardNotFoundException("member " + userId + " of this board");
        }
    }

    @Transactional(readOnly = true)
    List<MemberView> members(Actor actor, BoardId boardId) {
        access.board(access.resolve(actor), boardId);
        return boards.members(boardId);
    }

    @Transactional
    ColumnView addColumn(Actor actor, BoardId boardId, NewColumn column) {
        access.require(access.resolve(actor), boardId, BoardRole.OWNER);
        String name = Names.require(column.name(), "column name", 200);
        if (column.type() == ColumnType.STATUS && column.labels().isEmpty()) {
            throw new InvalidValueException("A status column needs at least one label");
        }
        if (column.type() != ColumnType.STATUS && !column.labels().isEmpty()) {
            throw new InvalidValueException("Only status columns have labels");
        }
        if (column.labels().stream().filter(StatusLabel::isDefault).count() > 1) {
            throw new InvalidValueException("A status column has at most one default label");
        }
        if (column.labels().stream()
                        .map(l -> l.name().toLowerCase(java.util.Locale.ROOT))
                        .distinct()
                        .count()
                < column.labels().size()) {
            throw new InvalidValueException("The labels of a status column must differ");
        }
        return columns.insert(boardId, new NewColumn(name, column.type(), column.labels()));
    }

    @Transactional(readOnly = true)
    List<ColumnView> columns(Actor actor, BoardId boardId) {
        access.board(access.resolve(actor), boardId);
        return columns.findByBoard(boardId);
    }
}
