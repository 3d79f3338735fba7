package dev.mailboard.app.boards.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.UpdateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The updates feed of an item. */
@RestController
@RequestMapping("/api/v1/items/{itemId}/updates")
@Tag(name = "Updates", description = "Rich-text updates posted on items")
class UpdatesRestController {

    private final Boards boards;

    UpdatesRestController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping
    @Operation(summary = "List an item's updates, newest first, with their files")
    List<UpdateView> list(CurrentUser user, @PathVariable long itemId, @RequestParam(defaultValue = "50") int limit) {
        return boards.updates(Actor.of(user), new ItemId(itemId), limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Post an update (editors)",
            description = "The body is HTML; it is sanitized with an allowlist before it is stored (formatting, "
                    + "lists, quotes, code, tables and https/mailto links survive; scripts, styles, images, "
                    + "frames, forms and event handlers do not).")
    UpdateView post(CurrentUser user, @PathVariable long itemId, @RequestBody ApiRequests.PostUpdate request) {
        return boards.postUpdate(Actor.of(user), new ItemId(itemId), request.body());
    }
}
