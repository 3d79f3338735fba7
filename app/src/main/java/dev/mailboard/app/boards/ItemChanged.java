package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A column value, the name or the archived flag of an item changed. One event per changed field.
 *
 * @param accountId the board's account
 * @param boardId the board
 * @param itemId the item
 * @param columnId the column, or null for {@code name} and {@code archived}
 * @param field the column's name, or {@code name} / {@code archived}
 * @param oldValue the value before, or null
 * @param newValue the value after, or null
 * @param version the item's version after the change
 * @param changedBy who changed it
 * @param at when
 */
public record ItemChanged(
        AccountId accountId,
        BoardId boardId,
        ItemId itemId,
        @Nullable ColumnId columnId,
        String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        long version,
        Author changedBy,
        Instant at) {}
