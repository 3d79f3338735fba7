package dev.mailboard.app.ui;

import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemPage;
import dev.mailboard.app.boards.ItemView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the board page and its rows show: the board, its columns, one page of items, the people of
 * the account (for person columns) and the search, filter and sort in effect.
 */
public record BoardsTable(
        BoardView board,
        java.util.List<ColumnView> columns,
        ItemPage items,
        Map<String, String> people,
        String search,
        String filterColumn,
        String filterValue,
        String sort,
        boolean descending) {

    /**
     * The link to a page of this view, keeping search, filter and sort.
     *
     * @param page the page, from 0
     * @return a relative URL
     */
    public String pageUrl(int page) {
        return "/boards/" + board.id() + "?page=" + page + "&q=" + encode(search) + "&fc=" + encode(filterColumn)
                + "&fv=" + encode(filterValue) + "&sort=" + encode(sort) + "&dir=" + (descending ? "desc" : "asc");
    }

    /**
     * Whether new items arriving live should be inserted at the top (first page, newest first, unfiltered).
     *
     * @return true when the view is the board's default first page
     */
    public boolean insertsLive() {
        return items.page() == 0 && search.isBlank() && filterValue.isBlank() && "position".equals(sort) && descending;
    }

    /**
     * A value as shown in a read-only cell.
     *
     * @param column the column
     * @param item the item
     * @return the text to show (never null)
     */
    public String display(ColumnView column, ItemView item) {
        if (column.type() == ColumnType.FILES) {
            return item.fileCount() == 0 ? "" : item.fileCount() + (item.fileCount() == 1 ? " file" : " files");
        }
        String value = item.value(column.id());
        if (value == null) {
            return "";
        }
        if (column.type() == ColumnType.PERSON) {
            return people.getOrDefault(value, "(former user)");
        }
        return column.type() == ColumnType.LONG_TEXT && value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    /**
     * A value for an input field.
     *
     * @param column the column
     * @param item the item
     * @return the value, or empty
     */
    public String raw(ColumnView column, ItemView item) {
        String value = item.value(column.id());
        return value == null ? "" : value;
    }

    /**
     * The HTML input type for an inline-editable column, or null when it is not edited inline.
     *
     * @param column the column
     * @return for example {@code text} or {@code date}
     */
    public @Nullable String inputType(ColumnView column) {
        return switch (column.type()) {
            case TEXT, TAGS -> "text";
            case EMAIL -> "email";
            case DATE -> "date";
            case NUMBER -> "text";
            case LINK -> "url";
            default -> null;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
