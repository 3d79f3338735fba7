package dev.mailboard.app.boards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes an item's name and column values: checks the version (a stale write fails and changes
 * nothing), records each change in the activity log and publishes one {@link ItemChanged} per field.
 */
@Service
class ItemChanges {

    private final BoardAccess access;
    private final ItemRepository items;
    private final ColumnRepository columns;
    private final ColumnValues values;
    private final ActivityRepository activity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemChanges(
            BoardAccess access,
            ItemRepository items,
            ColumnRepository columns,
            ColumnValues values,
            ActivityRepository activity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.items = items;
        this.columns = columns;
        this.values = values;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ItemView change(Actor actor, ItemChange change) {
        Caller caller = access.resolve(actor);
        ItemId id = change.itemId();
        BoardView board = access.requireForItem(caller, id, BoardRole.EDITOR);
        ItemView current = items.find(id).orElseThrow(() -> new BoardNotFoundException("item " + id));
        Long expected = change.expectedVersion();
        if (expected != null && expected != current.version()) {
            throw new StaleItemException(expected, current);
        }
        List<Diff> diffs = diffs(caller, board, current, change);
        if (diffs.isEmpty()) {
            return current;
        }
        if (!items.bumpVersion(id, expected)) {
            ItemView now = items.find(id).orElseThrow(() -> new BoardNotFoundException("item " + id));
            throw new StaleItemException(expected == null ? current.version() : expected, now);
        }
        Instant now = clock.instant();
        for (Diff diff : diffs) {
            apply(id, diff);
            activity.record(id, caller.author(), diff.columnId(), diff.field(), diff.before(), diff.after(), now);
            events.publishEvent(new ItemChanged(
                    board.accountId(),
                    board.id(),
                    id,
                    diff.columnId(),
                    diff.field(),
                    diff.before(),
                    diff.after(),
                    current.version() + 1,
                    caller.author(),
                    now));
        }
        return items.find(id).orElseThrow(() -> new BoardNotFoundException("item " + id));
    }

    private List<Diff> diffs(Caller caller, BoardView board, ItemView current, ItemChange change) {
        List<Diff> diffs = new ArrayList<>();
        String name = change.name();
        if (name != null) {
            String checked = Names.require(name, "item name", 500);
            if (!checked.equals(current.name())) {
                diffs.add(new Diff(null, "name", current.name(), checked, null));
            }
        }
        List<ColumnView> boardColumns = columns.findByBoard(board.id());
        change.values().forEach((columnId, raw) -> {
            ColumnView column = column(boardColumns, columnId);
            String after = values.normalise(column, raw, caller.accountId());
            String before = current.value(columnId);
            if (!Objects.equals(before, after)) {
                diffs.add(new Diff(columnId, column.name(), before, after, column));
            }
        });
        return diffs;
    }

    private void apply(ItemId id, Diff diff) {
        ColumnView column = diff.column();
        String after = diff.after();
        if (column == null) {
            items.rename(id, Objects.requireNonNull(after));
        } else if (after == null) {
            items.removeValue(id, column.id());
        } else {
            items.putValue(id, column.id(), after, values.sortNumber(column, after));
        }
    }

    static ColumnView column(List<ColumnView> columns, ColumnId id) {
        return columns.stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("Column " + id + " is not a column of this board"));
    }

    /** One changed field. */
    private record Diff(
            @Nullable ColumnId columnId,
            String field,
            @Nullable String before,
            @Nullable String after,
            @Nullable ColumnView column) {}
}
