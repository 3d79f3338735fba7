package dev.mailboard.app.boards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A command to change an item's name and column values.
 *
 * @param itemId the item
 * @param expectedVersion the version the caller last saw; when it is not the current one the change
 *     fails with {@link StaleItemException}. Null changes whatever the version is (background jobs).
 * @param name the new name, or null to keep it
 * @param values new values by column id; an empty text clears a value
 */
public record ItemChange(
        ItemId itemId,
        @Nullable Long expectedVersion,
        @Nullable String name,
        Map<ColumnId, String> values) {

    /** Copies the values, keeping their order. */
    public ItemChange {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A change of one column.
     *
     * @param itemId the item
     * @param expectedVersion the version last seen, or null
     * @param column the column
     * @param value the new value; empty clears it
     * @return the command
     */
    public static ItemChange value(ItemId itemId, @Nullable Long expectedVersion, ColumnId column, String value) {
        return new ItemChange(itemId, expectedVersion, null, Map.of(column, value));
    }
}
