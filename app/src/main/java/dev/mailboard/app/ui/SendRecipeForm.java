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
 * The guided form of a send-email recipe as posted: "When <column> changes to <value>, send an email to
 * <email column> from <mailbox>", with a subject and a body template.
 */
public record SendRecipeForm(
        String name,
        String boardId,
        String connectionId,
        String triggerColumn,
        String triggerValue,
        String toColumn,
        String subject,
        String body) {

    /** An empty form for a board (may be empty). */
    static SendRecipeForm empty(String boardId) {
        return new SendRecipeForm(
                "", boardId, "", "", "New", "", "We received {{Name}}", "Hello, we received {{Name}}.");
    }

    /** Binds the posted fields. */
    static SendRecipeForm of(Map<String, String> fields) {
        return new SendRecipeForm(
                field(fields, "name"),
                field(fields, "boardId"),
                field(fields, "connectionId"),
                field(fields, "triggerColumn"),
                field(fields, "triggerValue"),
                field(fields, "toColumn"),
                field(fields, "subject"),
                field(fields, "body"));
    }

    /** The recipe draft; ids that are missing or malformed are field problems. */
    RecipeDraft draft() {
        List<FieldProblem> problems = new ArrayList<>();
        UUID board = uuid(boardId, "boardId", problems);
        UUID connection = uuid(connectionId, "connectionId", problems);
        UUID trigger = uuid(triggerColumn, "action.sendEmail.triggerColumn", problems);
        UUID to = uuid(toColumn, "action.sendEmail.toColumn", problems);
        if (board == null || connection == null || trigger == null || to == null) {
            throw new InvalidRecipeException(problems);
        }
        return new RecipeDraft(
                name,
                new BoardId(board),
                new ConnectionId(connection),
                Condition.always(),
                false,
                RecipeAction.sendEmail(new RecipeAction.SendEmail(trigger, triggerValue, to, subject, body)));
    }

    private static @Nullable UUID uuid(String text, String field, List<FieldProblem> problems) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be chosen"));
            return null;
        }
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }
}
