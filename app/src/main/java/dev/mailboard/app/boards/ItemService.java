package dev.mailboard.app.boards;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creates, lists, archives and deletes items. Changes to values are in {@link ItemChanges}. */
@Service
class ItemService {

    private final BoardAccess access;
    private final ItemRepository items;
    private final ItemSearch search;
    private final ColumnRepository columns;
    private final ColumnValues values;
    private final ActivityRepository activity;
    private final FileRepository files;
    private final FileStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemService(
            BoardAccess access,
            ItemRepository items,
            ItemSearch search,
            ColumnRepository columns,
            ColumnValues values,
            ActivityRepository activity,
            FileRepository files,
            FileStore store,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.items = items;
        this.search = search;
        this.columns = columns;
        this.values = values;
        this.activity = activity;
        this.files = files;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ItemView create(Actor actor, NewItem item) {
        Caller caller = access.resolve(actor);
        BoardView board = access.require(caller, item.boardId(), BoardRole.EDITOR);
        String name = Names.require(item.name(), "item name", 500);
        List<ColumnView> boardColumns = columns.findByBoard(board.id());
        Map<ColumnId, String> stored = new HashMap<>();
        item.values().forEach((id, raw) -> {
            ColumnView column = ItemChanges.column(boardColumns, id);
            String value = values.normalise(column, raw, caller.accountId());
            if (value != null) {
                stored.put(id, value);
            }
        });
        for (ColumnView column : boardColumns) {
            StatusLabel label = column.defaultLabel();
            if (label != null && !stored.containsKey(column.id())) {
                stored.put(column.id(), label.name());
            }
        }
        // To the microsecond, as both databases store it, so the view answered is the item as read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ItemRepository.ItemRow row = items.insert(board.id(), name, caller.author(), now);
        ItemId id = row.id();
        List<ItemRepository.StoredValue> first = new ArrayList<>();
        Map<ColumnId, String> firstValues = new LinkedHashMap<>();
        for (ColumnView column : boardColumns) {
            String value = stored.get(column.id());
            if (value != null) {
                first.add(new ItemRepository.StoredValue(column.id(), value, values.sortNumber(column, value)));
                firstValues.put(column.id(), value);
            }
        }
        items.insertValues(id, first);
        activity.record(id, caller.author(), null, "created", null, name, now);
        events.publishEvent(new ItemCreated(board.accountId(), board.id(), id, name, caller.author(), now));
        return row.view(firstValues, 0, 0);
    }

    @Transactional(readOnly = true)
    ItemView find(Actor actor, ItemId id) {
        access.requireForItem(access.resolve(actor), id, BoardRole.VIEWER);
        return found(id);
    }

    @Transactional(readOnly = true)
    ItemPage list(Actor actor, BoardId boardId, ItemQuery query) {
        access.board(access.resolve(actor), boardId);
        return search.find(boardId, query, columns.findByBoard(boardId));
    }

    @Transactional
    ItemView archive(Actor actor, ItemId id, boolean archived, @Nullable Long expectedVersion) {
        Caller caller = access.resolve(actor);
        BoardView board = access.requireForItem(caller, id, BoardRole.EDITOR);
        ItemView current = found(id);
        if (current.archived() == archived) {
            return current;
        }
        if (!items.bumpVersion(id, expectedVersion)) {
            throw new StaleItemException(expectedVersion == null ? -1 : expectedVersion, found(id));
        }
        items.setArchived(id, archived);
        Instant now = clock.instant();
        String before = Boolean.toString(current.archived());
        String after = Boolean.toString(archived);
        activity.record(id, caller.author(), null, "archived", before, after, now);
        events.publishEvent(new ItemChanged(
                board.accountId(),
                board.id(),
                id,
                null,
                "archived",
                before,
                after,
                current.version() + 1,
                caller.author(),
                now));
        return found(id);
    }

    @Transactional
    void delete(Actor actor, ItemId id) {
        Caller caller = access.resolve(actor);
        BoardView board = access.requireForItem(caller, id, BoardRole.EDITOR);
        List<String> keys = files.storageKeys(id);
        items.delete(id);
        events.publishEvent(new ItemDeleted(board.accountId(), board.id(), id, caller.author(), clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(store::delete);
            }
        });
    }

    @Transactional(readOnly = true)
    List<ActivityView> activity(Actor actor, ItemId id, int limit) {
        access.requireForItem(access.resolve(actor), id, BoardRole.VIEWER);
        return activity.find(id, Math.max(1, Math.min(limit, 500)));
    }

    private ItemView found(ItemId id) {
        return items.find(id).orElseThrow(() -> new BoardNotFoundException("item " + id));
    }
}
