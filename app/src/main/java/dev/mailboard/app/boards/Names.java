package dev.mailboard.app.boards;

import org.jspecify.annotations.Nullable;

/** Checks names and descriptions typed by people. */
final class Names {

    private Names() {}

    static String require(@Nullable String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("The " + what + " must not be empty");
        }
        return optional(text, what, max);
    }

    static String optional(@Nullable String text, String what, int max) {
        String value = text == null ? "" : text.strip().replaceAll("\\p{Cntrl}", " ");
        if (value.length() > max) {
            throw new InvalidValueException("The " + what + " may have at most " + max + " characters");
        }
        return value;
    }
}
