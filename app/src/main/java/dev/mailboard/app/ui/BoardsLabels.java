package dev.mailboard.app.ui;

import dev.mailboard.app.boards.StatusLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the labels of a new status column as typed in the page: {@code New*, Working:orange, Done:green}.
 * A {@code *} anywhere in an entry ({@code Low*:grey} or {@code Low:grey*}) marks the default label; without
 * one, the first label is the default.
 */
final class BoardsLabels {

    private BoardsLabels() {}

    static List<StatusLabel> parse(String text) {
        List<String> parts = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        boolean marked = parts.stream().anyMatch(p -> p.contains("*"));
        List<StatusLabel> labels = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean isDefault = marked ? part.contains("*") : i == 0;
            part = part.replace("*", "").strip();
            int colon = part.lastIndexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon).strip();
            String colour = colon < 0
                    ? StatusLabel.COLOURS.get(i % StatusLabel.COLOURS.size())
                    : part.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            labels.add(new StatusLabel(name, colour, isDefault));
        }
        return labels;
    }
}
