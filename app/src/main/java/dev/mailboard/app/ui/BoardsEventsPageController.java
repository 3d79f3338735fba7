package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The server-sent event stream an open board page listens to (see {@code /js/boards.js}). */
@Controller
class BoardsEventsPageController {

    private final Boards boards;
    private final BoardsLiveUpdates live;

    BoardsEventsPageController(Boards boards, BoardsLiveUpdates live) {
        this.boards = boards;
        this.live = live;
    }

    @GetMapping(path = "/boards/{boardId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(CurrentUser user, @PathVariable UUID boardId) {
        BoardView board = boards.board(Actor.of(user), new BoardId(boardId));
        return live.open(board.id());
    }
}
