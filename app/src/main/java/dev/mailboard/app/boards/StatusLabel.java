package dev.mailboard.app.boards;

import java.util.List;
import java.util.Objects;

/**
 * One label of a status column.
 *
 * @param name the label, for example {@code Done}
 * @param colour one of {@link #COLOURS}
 * @param isDefault whether new items get this label
 */
public record StatusLabel(String name, String colour, boolean isDefault) {

    /** The colours a label may have (pages use them as CSS classes; CSP forbids inline styles). */
    public static final List<String> COLOURS =
            List.of("grey", "blue", "green", "orange", "red", "purple", "yellow", "pink");

    /** Checks the name and colour. */
    public StatusLabel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A status label needs a name of 1 to 100 characters");
        }
        name = name.trim();
        if (!COLOURS.contains(colour)) {
            throw new IllegalArgumentException(
                    "Unknown colour '" + colour + "' for label '" + name + "': use one of " + COLOURS);
        }
    }
}
