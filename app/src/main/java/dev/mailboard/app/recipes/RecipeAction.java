package dev.mailboard.app.recipes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a recipe does with a matching mail. A mail of a thread Mailboard knows (item token in the subject,
 * {@code In-Reply-To}/{@code References}, then conversation) always becomes an update on that thread's item.
 * Otherwise {@link Kind#CREATE_ITEM} creates an item, except that a reply whose thread has no item on the board
 * follows {@code whenNoMatch}; {@link Kind#ADD_UPDATE} follows {@code whenNoMatch} for every unmatched mail.
 *
 * @param kind create items, or only add updates to known threads
 * @param senderColumn the email, text or person column that gets the sender, or null
 * @param receivedColumn the date or text column that gets the received date, or null
 * @param bodyAsFirstUpdate whether the new part of the body becomes the item's first update
 * @param copyAttachments whether attachments are copied to the item (within the limits)
 * @param fixedValues column values every new item gets, by column id (for example status "New")
 * @param whenNoMatch what an unmatched reply (or any unmatched mail, for add-update) does
 */
public record RecipeAction(
        Kind kind,
        @Nullable UUID senderColumn,
        @Nullable UUID receivedColumn,
        boolean bodyAsFirstUpdate,
        boolean copyAttachments,
        Map<String, String> fixedValues,
        NoMatch whenNoMatch) {

    /** Copies the values, keeping their order. */
    public RecipeAction {
        fixedValues = fixedValues == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedValues));
        kind = kind == null ? Kind.CREATE_ITEM : kind;
        whenNoMatch = whenNoMatch == null ? NoMatch.CREATE_ITEM : whenNoMatch;
    }

    /**
     * Create an item per mail with the subject as its name and the body as its first update.
     *
     * @return the action
     */
    public static RecipeAction createItem() {
        return new RecipeAction(Kind.CREATE_ITEM, null, null, true, true, Map.of(), NoMatch.CREATE_ITEM);
    }

    /** Whether new items are created. */
    public enum Kind {
        /** Create an item per mail (replies of known threads become updates). */
        @JsonProperty("create_item")
        CREATE_ITEM,
        /** Only add updates to the items of known threads. */
        @JsonProperty("add_update")
        ADD_UPDATE
    }

    /** What happens to a mail whose thread has no item on the board. */
    public enum NoMatch {
        /** Create a new item for it. */
        @JsonProperty("create_item")
        CREATE_ITEM,
        /** Skip it, with the reason in the run log. */
        @JsonProperty("skip")
        SKIP
    }

    static boolean isUuid(String text) {
        return text.matches("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    }

    void validate(List<FieldProblem> problems) {
        if (fixedValues.size() > 50) {
            problems.add(new FieldProblem("action.fixedValues", "may set at most 50 columns"));
        }
        for (String column : fixedValues.keySet()) {
            if (!isUuid(column)) {
                problems.add(new FieldProblem("action.fixedValues." + column, "must be keyed by a column id"));
            }
        }
    }
}
