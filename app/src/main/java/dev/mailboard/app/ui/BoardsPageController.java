package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnId;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemPage;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.NewItem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of boards and the board as a table: search, filter, sort, paging, add items and columns. */
@Controller
class BoardsPageController {

    static final int PAGE_SIZE = 50;

    private final Boards boards;
    private final Accounts accounts;
    private final DemoBoard demoBoard;

    BoardsPageController(Boards boards, Accounts accounts, DemoBoard demoBoard) {
        this.boards = boards;
        this.accounts = accounts;
        this.demoBoard = demoBoard;
    }

    @GetMapping("/boards")
    String list(CurrentUser user, Model model) {
        model.addAttribute("boards", boards.boards(Actor.of(user)));
        return "boards/list";
    }

    @PostMapping("/boards")
    String create(CurrentUser user, @RequestParam String name, @RequestParam(defaultValue = "") String description) {
        BoardView board = boards.createBoard(Actor.of(user), new NewBoard(name, description));
        return "redirect:/boards/" + board.id();
    }

    @GetMapping("/boards/{boardId}")
    String board(
            CurrentUser user,
            @PathVariable UUID boardId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String fc,
            @RequestParam(defaultValue = "") String fv,
            @RequestParam(defaultValue = "position") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            Model model) {
        Actor actor = Actor.of(user);
        BoardId id = new BoardId(boardId);
        BoardView board = boards.board(actor, id);
        List<ColumnView> columns = boards.columns(actor, id);
        ColumnId filterColumn = fc.isBlank() || fv.isBlank() ? null : ColumnId.of(fc);
        boolean descending = "desc".equals(dir);
        ItemQuery query = new ItemQuery(Math.max(0, page), PAGE_SIZE, q, filterColumn, fv, sort, descending, false);
        ItemPage items = boards.items(actor, id, query);
        model.addAttribute("table", new BoardsTable(board, columns, items, people(user), q, fc, fv, sort, descending));
        model.addAttribute("columnTypes", ColumnType.values());
        model.addAttribute("demo", demoBoard.panel(user, board));
        return "boards/board";
    }

    @GetMapping("/boards/{boardId}/rows/{itemId}")
    String row(CurrentUser user, @PathVariable UUID boardId, @PathVariable long itemId, Model model) {
        return row(user, new BoardId(boardId), boards.item(Actor.of(user), new ItemId(itemId)), null, model);
    }

    @PostMapping("/boards/{boardId}/items")
    String addItem(
            CurrentUser user,
            @PathVariable UUID boardId,
            @RequestParam String name,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        ItemView item = boards.createItem(Actor.of(user), NewItem.named(new BoardId(boardId), name));
        return htmx == null ? "redirect:/boards/" + boardId : row(user, item.boardId(), item, null, model);
    }

    @PostMapping("/boards/{boardId}/columns")
    String addColumn(
            CurrentUser user,
            @PathVariable UUID boardId,
            @RequestParam String name,
            @RequestParam String type,
            @RequestParam(defaultValue = "") String labels) {
        ColumnType columnType = ColumnType.fromCode(type);
        NewColumn column = new NewColumn(
                name, columnType, columnType == ColumnType.STATUS ? BoardsLabels.parse(labels) : List.of());
        boards.addColumn(Actor.of(user), new BoardId(boardId), column);
        return "redirect:/boards/" + boardId;
    }

    /** Renders one row; the item must be on the board of the URL. */
    String row(CurrentUser user, BoardId boardId, ItemView item, @Nullable String notice, Model model) {
        if (!item.boardId().equals(boardId)) {
            throw new BoardNotFoundException("item " + item.id() + " on this board");
        }
        Actor actor = Actor.of(user);
        BoardView board = boards.board(actor, boardId);
        ItemPage single = new ItemPage(List.of(item), 1, 0, 1);
        model.addAttribute(
                "table",
                new BoardsTable(
                        board, boards.columns(actor, boardId), single, people(user), "", "", "", "position", true));
        model.addAttribute("item", item);
        model.addAttribute("notice", notice);
        return "boards/row";
    }

    Map<String, String> people(CurrentUser user) {
        return accounts.users(user.accountId()).stream()
                .collect(Collectors.toMap(u -> u.id().toString(), UserView::displayName));
    }
}
