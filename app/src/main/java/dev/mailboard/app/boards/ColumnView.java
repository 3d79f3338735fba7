package dev.mailboard.app.boards;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A column of a board.
 *
 * @param id the column
 * @param boardId its board
 * @param name its heading
 * @param type what it holds
 * @param position its place from the left, starting at 0
 * @param labels for a status column, its labels in order; otherwise empty
 */
public record ColumnView(
        ColumnId id, BoardId boardId, String name, ColumnType type, int position, List<StatusLabel> labels) {

    /**
     * The label a new item gets, for a status column with a default label.
     *
     * @return the default label, or null
     */
    public @Nullable StatusLabel defaultLabel() {
        return labels.stream().filter(StatusLabel::isDefault).findFirst().orElse(null);
    }

    /**
     * The colour of a status value.
     *
     * @param value a label name
     * @return the label's colour, or {@code grey} when unknown
     */
    public String colourOf(@Nullable String value) {
        return labels.stream()
                .filter(label -> label.name().equals(value))
                .map(StatusLabel::colour)
                .findFirst()
                .orElse("grey");
    }
}
