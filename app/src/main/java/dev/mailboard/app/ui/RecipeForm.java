package dev.mailboard.app.ui;

import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The guided recipe form as it was posted: one sentence, "When an email arrives in ... from ... with subject
 * containing ..., create an item in ...", turned into a recipe draft.
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
        String senderColumn,
        String receivedColumn) {

    /** An empty form for a board (may be empty). */
    static RecipeForm empty(String boardId) {
        return new RecipeForm(
                "", boardId, "", "", "", "", "", "", false, "", "all", false, "create_item", "create_item", "", "");
    }

    /** Binds the posted fields. */
    static RecipeForm of(Map<String, String> fields) {
        return new RecipeForm(
                field(fields, "name"),
                field(fields, "boardId"),
                field(fields, "connectionId"),
                field(fields, "from"),
                field(fields, "to"),
                field(fields, "subjectContains"),
                field(fields, "subjectNotContains"),
                field(fields, "bodyContains"),
                fields.containsKey("hasAttachments"),
                field(fields, "importance"),
                fields.getOrDefault("match", "all"),
                fields.containsKey("includeAutomated"),
                fields.getOrDefault("kind", "create_item"),
                fields.getOrDefault("whenNoMatch", "create_item"),
                field(fields, "senderColumn"),
                field(fields, "receivedColumn"));
    }

    /** The recipe the form describes. */
    RecipeDraft draft() {
        List<FieldProblem> problems = new ArrayList<>();
        UUID board = uuid(boardId, "boardId", "Choose a board", problems);
        UUID connection = uuid(connectionId, "connectionId", "Choose one of your mailboxes", problems);
        if (board == null || connection == null) {
            throw new InvalidRecipeException(problems);
        }
        RecipeAction action = new RecipeAction(
                "add_update".equals(kind) ? RecipeAction.Kind.ADD_UPDATE : RecipeAction.Kind.CREATE_ITEM,
                optionalUuid(senderColumn),
                optionalUuid(receivedColumn),
                true,
                true,
                Map.of(),
                "skip".equals(whenNoMatch) ? RecipeAction.NoMatch.SKIP : RecipeAction.NoMatch.CREATE_ITEM);
        return new RecipeDraft(
                name, new BoardId(board), new ConnectionId(connection), condition(), includeAutomated, action);
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

    private static String field(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "").strip();
    }

    private static @Nullable UUID uuid(String text, String field, String message, List<FieldProblem> problems) {
        UUID id = optionalUuid(text);
        if (id == null) {
            problems.add(new FieldProblem(field, message));
        }
        return id;
    }

    private static @Nullable UUID optionalUuid(String text) {
        return text.matches("^[0-9a-fA-F-]{36}$") ? UUID.fromString(text) : null;
    }
}
