package dev.mailboard.app.recipes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param sendEmail for {@link Kind#SEND_EMAIL}: which column change sends which mail to whom; otherwise null
 */
public record RecipeAction(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "default create_item")
        Kind kind,

        @Nullable UUID senderColumn,
        @Nullable UUID receivedColumn,
        @JsonProperty(required = true) boolean bodyAsFirstUpdate,
        @JsonProperty(required = true) boolean copyAttachments,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "default none")
        Map<String, String> fixedValues,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "default create_item")
        NoMatch whenNoMatch,

        @Nullable SendEmail sendEmail) {

    /** Copies the values, keeping their order. */
    public RecipeAction {
        fixedValues = fixedValues == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedValues));
        kind = kind == null ? Kind.CREATE_ITEM : kind;
        whenNoMatch = whenNoMatch == null ? NoMatch.CREATE_ITEM : whenNoMatch;
    }

    /**
     * An action without a send-email part.
     *
     * @param kind create items, or only add updates to known threads
     * @param senderColumn the column that gets the sender, or null
     * @param receivedColumn the column that gets the received date, or null
     * @param bodyAsFirstUpdate whether the body becomes the first update
     * @param copyAttachments whether attachments are copied
     * @param fixedValues column values every new item gets
     * @param whenNoMatch what an unmatched mail does
     */
    public RecipeAction(
            Kind kind,
            @Nullable UUID senderColumn,
            @Nullable UUID receivedColumn,
            boolean bodyAsFirstUpdate,
            boolean copyAttachments,
            Map<String, String> fixedValues,
            NoMatch whenNoMatch) {
        this(kind, senderColumn, receivedColumn, bodyAsFirstUpdate, copyAttachments, fixedValues, whenNoMatch, null);
    }

    /**
     * "When {@code column} changes to {@code value}, send an email to {@code toColumn}".
     *
     * @param sendEmail the trigger, the recipient column and the template
     * @return the action
     */
    public static RecipeAction sendEmail(SendEmail sendEmail) {
        return new RecipeAction(Kind.SEND_EMAIL, null, null, false, false, Map.of(), NoMatch.SKIP, sendEmail);
    }

    /**
     * Whether the recipe reads mail (create item, add update) rather than sending it.
     *
     * @return false for {@link Kind#SEND_EMAIL}
     */
    public boolean readsMail() {
        return kind != Kind.SEND_EMAIL;
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
        ADD_UPDATE,
        /** Send a mail when a column of an item changes to a value (no mail is read). */
        @JsonProperty("send_email")
        SEND_EMAIL
    }

    /**
     * "When {@code triggerColumn} changes to {@code triggerValue}, send an email to the address in
     * {@code toColumn}". An item created with that value counts as a change to it. The templates may name
     * {@code {{Name}}} (the item's name) and {@code {{<column name>}}} (a column's value); the subject is
     * prefixed with the item token ({@code [#1234]}) so that replies thread back to the item.
     *
     * @param triggerColumn the column that is watched
     * @param triggerValue the value it must change to (a status label, a text; compared ignoring case)
     * @param toColumn the email column holding the recipient (S-55: no other source of recipients)
     * @param subject the subject template
     * @param body the body template (HTML, sanitized; plain text is fine)
     */
    public record SendEmail(UUID triggerColumn, String triggerValue, UUID toColumn, String subject, String body) {}

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
        if (kind == Kind.SEND_EMAIL) {
            SendActionTemplate.validate(sendEmail, problems);
        } else if (sendEmail != null) {
            problems.add(new FieldProblem("action.sendEmail", "is only for the kind send_email"));
        }
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
