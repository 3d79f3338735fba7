package dev.mailboard.app.boards.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the boards API accepts. */
final class ApiRequests {

    private ApiRequests() {}

    /** Creates a board. */
    record CreateBoard(String name, @Nullable String description) {}

    /** Adds or changes a member. */
    record PutMember(String role) {}

    /** A status label of a new column; {@code colour} is one of grey, blue, green, orange, red, purple, yellow, pink. */
    record Label(
            String name, @Nullable String colour, @Nullable Boolean isDefault) {}

    /** Adds a column; {@code type} is text, long_text, status, person, email, date, number, link, tags or files. */
    record CreateColumn(String name, String type, @Nullable List<Label> labels) {}

    /** Adds an item; values are keyed by column id. */
    record CreateItem(String name, @Nullable Map<String, String> values) {}

    /**
     * Changes an item: send the version you last read here or in {@code If-Match}. Values are keyed by
     * column id; an empty string clears a value.
     */
    record ChangeItem(
            @Nullable Long version,
            @Nullable String name,
            @Nullable Map<String, String> values) {}

    /** Archives (or, with {@code archived: false}, restores) an item. */
    record ArchiveItem(@Nullable Boolean archived, @Nullable Long version) {}

    /** Posts an update: HTML, sanitized before it is stored. */
    record PostUpdate(String body) {}
}
