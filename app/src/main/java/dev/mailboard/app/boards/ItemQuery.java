package dev.mailboard.app.boards;

import org.jspecify.annotations.Nullable;

/**
 * Which items of a board to list, in which order, one page at a time.
 *
 * @param page the page, starting at 0
 * @param size items per page, 1 to 200
 * @param search text the name or any value contains (case-insensitive), or null
 * @param filterColumn a column to filter on, or null
 * @param filterValue the value that column must have (case-insensitive; for tags, one of the tags)
 * @param sort {@code position} (newest first by default), {@code name}, {@code created}, {@code id} or a
 *     column id
 * @param descending whether to reverse the order
 * @param archived true to list archived items instead of active ones
 */
public record ItemQuery(
        int page,
        int size,
        @Nullable String search,
        @Nullable ColumnId filterColumn,
        @Nullable String filterValue,
        String sort,
        boolean descending,
        boolean archived) {

    /** The largest page size. */
    public static final int MAX_SIZE = 200;

    /** Checks the paging. */
    public ItemQuery {
        if (page < 0) {
            throw new IllegalArgumentException("The page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("The page size must be between 1 and " + MAX_SIZE);
        }
    }

    /**
     * The first page of active items, newest first.
     *
     * @param size items per page
     * @return the query
     */
    public static ItemQuery firstPage(int size) {
        return new ItemQuery(0, size, null, null, null, "position", true, false);
    }
}
