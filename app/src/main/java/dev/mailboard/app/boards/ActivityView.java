package dev.mailboard.app.boards;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an item's activity log: who changed what from what to what, and when.
 *
 * @param itemId the item
 * @param actor who did it
 * @param columnId the column changed, or null for the item itself (created, name, archived)
 * @param field the column's name at the time, or {@code created}, {@code name}, {@code archived}
 * @param oldValue the value before, or null
 * @param newValue the value after, or null
 * @param at when
 */
public record ActivityView(
        ItemId itemId,
        Author actor,
        @Nullable ColumnId columnId,
        String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        Instant at) {}
