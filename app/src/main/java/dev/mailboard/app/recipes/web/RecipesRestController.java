package dev.mailboard.app.recipes.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.PreviewLine;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeDraft;
import dev.mailboard.app.recipes.RecipeId;
import dev.mailboard.app.recipes.RecipePreviews;
import dev.mailboard.app.recipes.RecipeView;
import dev.mailboard.app.recipes.Recipes;
import dev.mailboard.app.recipes.RunOutcome;
import dev.mailboard.app.recipes.RunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Recipes, their run logs, replays and dry runs. */
@RestController
@RequestMapping("/api/v1/recipes")
@Tag(
        name = "Recipes",
        description = "Which mail becomes what on a board, and which item change sends which mail; run log,"
                + " replay and preview")
class RecipesRestController {

    private final Recipes recipes;
    private final RecipePreviews previews;

    RecipesRestController(Recipes recipes, RecipePreviews previews) {
        this.recipes = recipes;
        this.previews = previews;
    }

    /**
     * A recipe as sent.
     *
     * @param name its name
     * @param boardId the board it writes to
     * @param connectionId your mailbox connection it reads
     * @param condition which mail matters; a sender condition is not authenticated (S-56)
     * @param includeAutomated whether auto-replies, bounces and list mail are processed too
     * @param action what matching mail becomes
     * @param active whether it runs (create only; default true)
     */
    record RecipeRequest(
            @Nullable String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            UUID boardId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            UUID connectionId,

            @Nullable Condition condition,
            @Nullable Boolean includeAutomated,
            @Nullable RecipeAction action,
            @Nullable Boolean active) {

        RecipeDraft draft() {
            List<FieldProblem> missing = new ArrayList<>();
            if (boardId == null) {
                missing.add(new FieldProblem("boardId", "is required"));
            }
            if (connectionId == null) {
                missing.add(new FieldProblem("connectionId", "is required"));
            }
            if (boardId == null || connectionId == null) {
                throw new InvalidRecipeException(missing);
            }
            return new RecipeDraft(
                    name == null ? "" : name,
                    new BoardId(boardId),
                    new ConnectionId(connectionId),
                    condition == null ? Condition.always() : condition,
                    includeAutomated != null && includeAutomated,
                    action == null ? RecipeAction.createItem() : action);
        }
    }

    @GetMapping
    @Operation(summary = "List the recipes of a board (members), or your own recipes without boardId")
    List<RecipeView> list(CurrentUser user, @RequestParam(required = false) @Nullable UUID boardId) {
        return boardId == null ? recipes.ownedBy(user) : recipes.onBoard(user, new BoardId(boardId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a recipe (needs the permission to create integrations and the editor role)",
            description = "A recipe reads mail (action kind create_item or add_update) or sends it: kind"
                    + " send_email with action.sendEmail {triggerColumn, triggerValue, toColumn, subject, body}"
                    + " sends, when the column changes to the value (or an item is created with it), a mail to"
                    + " the address in the item's email column toColumn; {{Name}} and {{<column name>}} in"
                    + " subject and body are filled from the item, and the subject gets the item token."
                    + " Switching a send_email recipe on without Mail.Send answers 409 with grantUrl.")
    RecipeView create(CurrentUser user, @RequestBody RecipeRequest request) {
        return recipes.create(user, request.draft(), request.active() == null || request.active());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a recipe (members of its board)")
    RecipeView get(CurrentUser user, @PathVariable UUID id) {
        return recipes.recipe(user, new RecipeId(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a recipe; you become its owner, so the connection must be yours")
    RecipeView update(CurrentUser user, @PathVariable UUID id, @RequestBody RecipeRequest request) {
        return recipes.update(user, new RecipeId(id), request.draft());
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a recipe")
    RecipeView pause(CurrentUser user, @PathVariable UUID id) {
        return recipes.switchTo(user, new RecipeId(id), false);
    }

    @PostMapping("/{id}/resume")
    @Operation(
            summary = "Resume a recipe",
            description = "A send_email recipe whose connection lacks Mail.Send answers 409 \"Grant sending first\""
                    + " with grantUrl (POST it to start the incremental consent).")
    RecipeView resume(CurrentUser user, @PathVariable UUID id) {
        return recipes.switchTo(user, new RecipeId(id), true);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a recipe with its run log")
    void delete(CurrentUser user, @PathVariable UUID id) {
        recipes.delete(user, new RecipeId(id));
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "A recipe's run log, newest first: every mail it saw and what came of it")
    List<RunView> runs(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(defaultValue = "100") int limit) {
        RunOutcome filter = outcome == null || outcome.isBlank() ? null : RunOutcome.fromCode(outcome);
        return recipes.runs(user, new RecipeId(id), filter, limit);
    }

    @PostMapping("/{id}/runs/{runId}/replay")
    @Operation(summary = "Run a skipped or failed run again (a run that wrote something stays as it is)")
    RunView replay(CurrentUser user, @PathVariable UUID id, @PathVariable long runId) {
        return recipes.replay(user, new RecipeId(id), runId);
    }

    @PostMapping("/preview")
    @Operation(summary = "Dry run: what a recipe would do with the newest mail of its mailbox; stores nothing")
    List<PreviewLine> preview(
            CurrentUser user,
            @RequestBody RecipeRequest request,
            @RequestParam(defaultValue = "" + RecipePreviews.DEFAULT_COUNT) int count) {
        return previews.preview(user, request.draft(), count);
    }
}
