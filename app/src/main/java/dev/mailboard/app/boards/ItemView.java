package dev.mailboard.app.boards;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An item with its column values.
 *
 * @param id the item's number
 * @param boardId its board
 * @param name its name
 * @param values the column values by column id (columns without a value are absent)
 * @param position its place on the board
 * @param createdBy who created it (a user, or an integration with the source email)
 * @param createdAt when
 * @param archived whether it is archived
 * @param version increases with every change; send it back to change the item
 * @param updateCount how many updates were posted on it
 * @param fileCount how many files are attached to it
 */
public record ItemView(
        ItemId id,
        BoardId boardId,
        String name,
        Map<ColumnId, String> values,
        long position,
        Author createdBy,
        Instant createdAt,
        boolean archived,
        long version,
        int updateCount,
        int fileCount) {

    /**
     * The value of one column.
     *
     * @param column the column
     * @return the value, or null when empty
     */
    public @Nullable String value(ColumnId column) {
        return values.get(column);
    }
}
