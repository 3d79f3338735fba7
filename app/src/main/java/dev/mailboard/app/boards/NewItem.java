package dev.mailboard.app.boards;

import java.util.Map;

/**
 * A command to add an item to a board. Status columns without a value get their default label.
 *
 * @param boardId the board
 * @param name the item's name
 * @param values initial column values by column id (text forms, see {@link ColumnType})
 */
public record NewItem(BoardId boardId, String name, Map<ColumnId, String> values) {

    /** Copies the values. */
    public NewItem {
        values = Map.copyOf(values);
    }

    /**
     * An item with a name only.
     *
     * @param boardId the board
     * @param name the item's name
     * @return the command
     */
    public static NewItem named(BoardId boardId, String name) {
        return new NewItem(boardId, name, Map.of());
    }
}
