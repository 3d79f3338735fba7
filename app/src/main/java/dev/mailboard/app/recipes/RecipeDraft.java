package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recipe as a user sets it up: "when an email arrives in {@code connection} matching {@code condition},
 * do {@code action} on {@code board}".
 *
 * @param name a name the board's members recognise, for example {@code Support inbox}
 * @param boardId the board it writes to
 * @param connectionId the mailbox connection it reads; must be the creator's own (S-48)
 * @param condition which mail matters
 * @param includeAutomated whether auto-replies, bounces, list mail and the like are processed too (S-51)
 * @param action what a matching mail becomes
 */
public record RecipeDraft(
        String name,
        BoardId boardId,
        ConnectionId connectionId,
        Condition condition,
        boolean includeAutomated,
        RecipeAction action) {

    /**
     * The problems with the draft's own values (columns and access are checked against the board later).
     *
     * @return the problems; empty when it is valid
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        @Nullable String trimmed = name == null ? null : name.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("name", "must be at most 200 characters without control characters"));
        }
        if (condition == null) {
            problems.add(new FieldProblem(
                    "condition", "must be a condition (use {\"type\":\"allOf\",\"conditions\":[]} for any mail)"));
        } else {
            condition.validate("condition", problems, 0);
            if (condition.size() > Condition.MAX_NODES) {
                problems.add(new FieldProblem("condition", "may have at most " + Condition.MAX_NODES + " parts"));
            }
        }
        if (action == null) {
            problems.add(new FieldProblem("action", "must be given"));
        } else {
            action.validate(problems);
        }
        return problems;
    }
}
