package dev.mailboard.app.boards;

import java.util.List;

/**
 * A command to add a column at the right end of a board.
 *
 * @param name its heading
 * @param type what it holds
 * @param labels for a status column, its labels (at most one default); otherwise empty
 */
public record NewColumn(String name, ColumnType type, List<StatusLabel> labels) {

    /** Copies the labels. */
    public NewColumn {
        labels = List.copyOf(labels);
    }
}
