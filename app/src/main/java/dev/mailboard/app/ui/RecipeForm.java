package dev.mailboard.app.ui;

import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The recipe form as shown or posted: which mail (every condition the API has, joined by "all" or "any"), what
 * it does, and where each column of a new item gets its value (the sender, the received date, a fixed value, or
 * nothing). Built by {@link RecipeForms}; turned into a recipe by {@link #draft()}.
 *
 * @param name the recipe's name
 * @param boardId the chosen board (empty until chosen)
 * @param connectionId the mailbox connection
 * @param from sender condition
 * @param to To or Cc condition
 * @param subjectContains subject condition
 * @param subjectNotContains subject exclusion
 * @param bodyContains body condition
 * @param hasAttachments only mail with attachments
 * @param importance high, normal, low or empty for any
 * @param match {@code all} or {@code any}
 * @param includeAutomated also process automated mail
 * @param kind {@code create_item} or {@code add_update}
 * @param whenNoMatch {@code create_item} or {@code skip}
 * @param bodyAsFirstUpdate whether the mail's new text becomes the first update
 * @param copyAttachments whether attachments are copied to the item
 * @param sources per column id: {@link #SENDER}, {@link #RECEIVED}, {@link #FIXED} or empty
 * @param fixedValues per column id: the fixed value (used when its source is {@link #FIXED})
 * @param keptCondition a condition set through the API that the form cannot show, kept as it is; or null
 */
public record RecipeForm(
        String name,
        String boardId,
        String connectionId,
        String from,
        String to,
        String subjectContains,
        String subjectNotContains,
        String bodyContains,
        boolean hasAttachments,
        String importance,
        String match,
        boolean includeAutomated,
        String kind,
        String whenNoMatch,
        boolean bodyAsFirstUpdate,
        boolean copyAttachments,
        Map<String, String> sources,
        Map<String, String> fixedValues,
        @Nullable Condition keptCondition) {

    /** A column that gets the sender's address. */
    public static final String SENDER = "sender";

    /** A column that gets the received date. */
    public static final String RECEIVED = "received";

    /** A column that gets a fixed value. */
    public static final String FIXED = "fixed";

    /**
     * Where a column's value comes from.
     *
     * @param columnId the column
     * @return {@link #SENDER}, {@link #RECEIVED}, {@link #FIXED} or empty
     */
    public String source(String columnId) {
        return sources.getOrDefault(columnId, "");
    }

    /**
     * The fixed value of a column.
     *
     * @param columnId the column
     * @return the value, or empty
     */
    public String fixedValue(String columnId) {
        return fixedValues.getOrDefault(columnId, "");
    }

    /**
     * A problem with the form in words: the field's label, then what is wrong.
     *
     * @param problem as the recipes module reports it (for example {@code 'connectionId' must be given})
     * @return for example {@code Mailbox: must be given}
     */
    public static String describe(FieldProblem problem) {
        String field = problem.field();
        String label;
        if (field.startsWith("condition")) {
            label = "Which email";
        } else if (field.startsWith("action.fixedValues")) {
            label = "Fixed value";
        } else if (field.startsWith("action")) {
            label = "What it does";
        } else {
            label = switch (field) {
                case "name" -> "Name";
                case "boardId" -> "Board";
                case "connectionId" -> "Mailbox";
                case "columns" -> "Columns";
                default -> field;
            };
        }
        return label + ": " + problem.message();
    }

    /** The recipe the form describes; field problems are thrown together. */
    RecipeDraft draft() {
        List<FieldProblem> problems = new ArrayList<>();
        UUID board = uuid(boardId, "boardId", "choose a board", problems);
        UUID connection = uuid(connectionId, "connectionId", "choose one of your mailboxes", problems);
        UUID sender = onlyColumn(SENDER, "the sender", problems);
        UUID received = onlyColumn(RECEIVED, "the received date", problems);
        if (board == null || connection == null || !problems.isEmpty()) {
            throw new InvalidRecipeException(problems);
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        sources.forEach((column, source) -> {
            if (FIXED.equals(source) && !fixedValue(column).isBlank()) {
                fixed.put(column, fixedValue(column));
            }
        });
        RecipeAction action = new RecipeAction(
                "add_update".equals(kind) ? RecipeAction.Kind.ADD_UPDATE : RecipeAction.Kind.CREATE_ITEM,
                sender,
                received,
                bodyAsFirstUpdate,
                copyAttachments,
                fixed,
                "skip".equals(whenNoMatch) ? RecipeAction.NoMatch.SKIP : RecipeAction.NoMatch.CREATE_ITEM);
        Condition condition = keptCondition == null ? condition() : keptCondition;
        return new RecipeDraft(
                name, new BoardId(board), new ConnectionId(connection), condition, includeAutomated, action);
    }

    private @Nullable UUID onlyColumn(String source, String what, List<FieldProblem> problems) {
        List<String> columns = sources.entrySet().stream()
                .filter(e -> source.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (columns.size() > 1) {
            problems.add(new FieldProblem("columns", "only one column can take " + what));
            return null;
        }
        return columns.isEmpty() ? null : uuid(columns.get(0), "columns", "must be a column of the board", problems);
    }

    private Condition condition() {
        List<Condition> parts = new ArrayList<>();
        if (!from.isBlank()) {
            parts.add(new Condition.From(from));
        }
        if (!to.isBlank()) {
            parts.add(new Condition.Recipient(to));
        }
        if (!subjectContains.isBlank()) {
            parts.add(new Condition.SubjectContains(subjectContains));
        }
        if (!subjectNotContains.isBlank()) {
            parts.add(new Condition.SubjectNotContains(subjectNotContains));
        }
        if (!bodyContains.isBlank()) {
            parts.add(new Condition.BodyContains(bodyContains));
        }
        if (hasAttachments) {
            parts.add(new Condition.HasAttachments());
        }
        if (!importance.isBlank()) {
            parts.add(new Condition.Importance(importance));
        }
        return "any".equals(match) && parts.size() > 1 ? new Condition.AnyOf(parts) : new Condition.AllOf(parts);
    }

    private static @Nullable UUID uuid(String text, String field, String message, List<FieldProblem> problems) {
        if (text.matches("^[0-9a-fA-F-]{36}$")) {
            return UUID.fromString(text);
        }
        problems.add(new FieldProblem(field, message));
        return null;
    }
}
