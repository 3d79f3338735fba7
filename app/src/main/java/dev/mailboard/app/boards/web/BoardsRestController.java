package dev.mailboard.app.boards.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardRole;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.MemberView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.StatusLabel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Boards, their members and columns. */
@RestController
@RequestMapping("/api/v1/boards")
@Tag(name = "Boards", description = "Boards, members and columns")
class BoardsRestController {

    private final Boards boards;

    BoardsRestController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping
    @Operation(summary = "List the boards you can see (all boards of the account for admins)")
    List<BoardView> list(CurrentUser user) {
        return boards.boards(Actor.of(user));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a board; you become its owner (admins and members)")
    BoardView create(CurrentUser user, @RequestBody ApiRequests.CreateBoard request) {
        String description = request.description();
        return boards.createBoard(Actor.of(user), new NewBoard(request.name(), description == null ? "" : description));
    }

    @GetMapping("/{boardId}")
    @Operation(summary = "Get a board with your role on it")
    BoardView get(CurrentUser user, @PathVariable UUID boardId) {
        return boards.board(Actor.of(user), new BoardId(boardId));
    }

    @GetMapping("/{boardId}/members")
    @Operation(summary = "List a board's members")
    List<MemberView> members(CurrentUser user, @PathVariable UUID boardId) {
        return boards.members(Actor.of(user), new BoardId(boardId));
    }

    @PutMapping("/{boardId}/members/{userId}")
    @Operation(summary = "Add a user of your account to a board, or change their role (owners)")
    MemberView putMember(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable UUID userId,
            @RequestBody ApiRequests.PutMember request) {
        return boards.putMember(
                Actor.of(user), new BoardId(boardId), new UserId(userId), BoardRole.fromCode(request.role()));
    }

    @DeleteMapping("/{boardId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member from a board (owners)")
    void removeMember(CurrentUser user, @PathVariable UUID boardId, @PathVariable UUID userId) {
        boards.removeMember(Actor.of(user), new BoardId(boardId), new UserId(userId));
    }

    @GetMapping("/{boardId}/columns")
    @Operation(summary = "List a board's columns, left to right")
    List<ColumnView> columns(CurrentUser user, @PathVariable UUID boardId) {
        return boards.columns(Actor.of(user), new BoardId(boardId));
    }

    @PostMapping("/{boardId}/columns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a column at the right end (owners); status columns need labels")
    ColumnView addColumn(CurrentUser user, @PathVariable UUID boardId, @RequestBody ApiRequests.CreateColumn request) {
        List<ApiRequests.Label> labels = request.labels();
        List<StatusLabel> statusLabels = labels == null
                ? List.of()
                : labels.stream().map(BoardsRestController::label).toList();
        return boards.addColumn(
                Actor.of(user),
                new BoardId(boardId),
                new NewColumn(request.name(), ColumnType.fromCode(request.type()), statusLabels));
    }

    private static StatusLabel label(ApiRequests.Label label) {
        String colour = label.colour();
        return new StatusLabel(label.name(), colour == null ? "grey" : colour, Boolean.TRUE.equals(label.isDefault()));
    }
}
