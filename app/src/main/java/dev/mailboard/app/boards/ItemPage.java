package dev.mailboard.app.boards;

import java.util.List;

/**
 * One page of items.
 *
 * @param items the items on this page
 * @param total how many items match in all
 * @param page this page, starting at 0
 * @param size the page size asked for
 */
public record ItemPage(List<ItemView> items, long total, int page, int size) {

    /**
     * How many pages there are.
     *
     * @return at least 1
     */
    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /**
     * Whether a next page exists.
     *
     * @return true when more items follow
     */
    public boolean hasNext() {
        return page + 1 < pageCount();
    }
}
