package dev.mailboard.app.boards.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.ActivityView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnId;
import dev.mailboard.app.boards.InvalidValueException;
import dev.mailboard.app.boards.ItemChange;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemPage;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Items: create, list, read, change (with a version), archive, delete, activity. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Items", description = "Items of a board and their column values")
class ItemsRestController {

    private final Boards boards;

    ItemsRestController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping("/boards/{boardId}/items")
    @Operation(summary = "List a board's items a page at a time, with search, a column filter and a sort")
    ItemPage list(
            CurrentUser user,
            @PathVariable UUID boardId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "text the name or a value contains") @RequestParam(required = false) @Nullable
                    String q,
            @Parameter(description = "columnId:value, for example 3f...:Done") @RequestParam(required = false) @Nullable
                    String filter,
            @Parameter(description = "position, name, created, id or a column id")
                    @RequestParam(defaultValue = "position")
                    String sort,
            @Parameter(description = "asc or desc") @RequestParam(required = false) @Nullable String direction,
            @RequestParam(defaultValue = "false") boolean archived) {
        ColumnId filterColumn = null;
        String filterValue = null;
        if (filter != null && !filter.isBlank()) {
            int colon = filter.indexOf(':');
            if (colon < 0) {
                throw new InvalidValueException("The filter must be written as columnId:value");
            }
            filterColumn = columnId(filter.substring(0, colon));
            filterValue = filter.substring(colon + 1);
        }
        boolean descending = direction == null ? "position".equals(sort) : "desc".equalsIgnoreCase(direction);
        ItemQuery query = new ItemQuery(page, size, q, filterColumn, filterValue, sort, descending, archived);
        return boards.items(Actor.of(user), new BoardId(boardId), query);
    }

    @PostMapping("/boards/{boardId}/items")
    @Operation(summary = "Add an item (editors); status columns without a value get their default label")
    ResponseEntity<ItemView> create(
            CurrentUser user, @PathVariable UUID boardId, @RequestBody ApiRequests.CreateItem request) {
        NewItem item = new NewItem(new BoardId(boardId), request.name(), values(request.values()));
        ItemView created = boards.createItem(Actor.of(user), item);
        return ResponseEntity.created(URI.create("/api/v1/items/" + created.id()))
                .eTag(Long.toString(created.version()))
                .body(created);
    }

    @GetMapping("/items/{itemId}")
    @Operation(summary = "Get an item; its ETag is its version")
    ResponseEntity<ItemView> get(CurrentUser user, @PathVariable long itemId) {
        return withVersion(boards.item(Actor.of(user), new ItemId(itemId)));
    }

    @PatchMapping("/items/{itemId}")
    @Operation(
            summary = "Change an item's name and values (editors)",
            description = "Send the version you last read as If-Match or as the version field. If the item "
                    + "changed since, the answer is 409 with the current item in the problem's 'current' field, "
                    + "and nothing is saved.")
    ResponseEntity<ItemView> change(
            CurrentUser user,
            @PathVariable long itemId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ApiRequests.ChangeItem request) {
        long version = Versions.required(ifMatch, request.version());
        ItemChange change = new ItemChange(new ItemId(itemId), version, request.name(), values(request.values()));
        return withVersion(boards.changeItem(Actor.of(user), change));
    }

    @PostMapping("/items/{itemId}/archive")
    @Operation(summary = "Archive an item, or restore it with archived: false (editors)")
    ResponseEntity<ItemView> archive(
            CurrentUser user,
            @PathVariable long itemId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody(required = false) ApiRequests.@Nullable ArchiveItem request) {
        Long version = Versions.optional(ifMatch, request == null ? null : request.version());
        boolean archived = request == null || !Boolean.FALSE.equals(request.archived());
        return withVersion(boards.archiveItem(Actor.of(user), new ItemId(itemId), archived, version));
    }

    @DeleteMapping("/items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an item with its values, updates and files (editors)")
    void delete(CurrentUser user, @PathVariable long itemId) {
        boards.deleteItem(Actor.of(user), new ItemId(itemId));
    }

    @GetMapping("/items/{itemId}/activity")
    @Operation(summary = "An item's activity log, newest first: who changed which column from what to what")
    List<ActivityView> activity(
            CurrentUser user, @PathVariable long itemId, @RequestParam(defaultValue = "100") int limit) {
        return boards.activity(Actor.of(user), new ItemId(itemId), limit);
    }

    private static ResponseEntity<ItemView> withVersion(ItemView item) {
        return ResponseEntity.ok().eTag(Long.toString(item.version())).body(item);
    }

    private static Map<ColumnId, String> values(@Nullable Map<String, String> values) {
        Map<ColumnId, String> result = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> result.put(columnId(key), value == null ? "" : value));
        }
        return result;
    }

    private static ColumnId columnId(String text) {
        try {
            return ColumnId.of(text.strip());
        } catch (IllegalArgumentException e) {
            InvalidValueException invalid = new InvalidValueException("'" + text + "' is not a column id");
            invalid.initCause(e);
            throw invalid;
        }
    }
}
