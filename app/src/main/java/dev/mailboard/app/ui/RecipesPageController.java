package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.mail.MailboxUnavailableException;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.PreviewLine;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeId;
import dev.mailboard.app.recipes.RecipePreviews;
import dev.mailboard.app.recipes.RecipeView;
import dev.mailboard.app.recipes.Recipes;
import dev.mailboard.app.recipes.RunOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The recipe pages: the list, the guided form with its preview, and a recipe with its run log. */
@Controller
class RecipesPageController {

    private final Recipes recipes;
    private final RecipePreviews previews;
    private final Boards boards;
    private final Connections connections;

    RecipesPageController(Recipes recipes, RecipePreviews previews, Boards boards, Connections connections) {
        this.recipes = recipes;
        this.previews = previews;
        this.boards = boards;
        this.connections = connections;
    }

    @GetMapping("/recipes")
    String list(CurrentUser user, @RequestParam(required = false) @Nullable UUID boardId, Model model) {
        List<BoardView> visible = boards.boards(Actor.of(user));
        List<RecipeView> shown = boardId == null ? recipes.ownedBy(user) : recipes.onBoard(user, new BoardId(boardId));
        model.addAttribute("recipes", shown);
        model.addAttribute("boardNames", names(visible));
        model.addAttribute("boardId", boardId == null ? "" : boardId.toString());
        return "recipes/list";
    }

    @GetMapping("/recipes/new")
    String form(CurrentUser user, @RequestParam(defaultValue = "") String boardId, Model model) {
        return form(user, "", RecipeForms.empty(boardId), null, null, model);
    }

    @GetMapping("/recipes/{id}/edit")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        RecipeView recipe = recipes.recipe(user, new RecipeId(id));
        return form(user, id.toString(), RecipeForms.of(recipe), null, null, model);
    }

    @PostMapping("/recipes/preview")
    String preview(
            CurrentUser user,
            @RequestParam(defaultValue = "") String recipeId,
            @RequestParam Map<String, String> fields,
            Model model) {
        RecipeForm form = posted(user, recipeId, fields);
        try {
            List<PreviewLine> lines = previews.preview(user, form.draft(), RecipePreviews.DEFAULT_COUNT);
            return form(user, recipeId, form, lines, null, model);
        } catch (InvalidRecipeException e) {
            return form(user, recipeId, form, null, e, model);
        } catch (MailboxUnavailableException | ConnectionUnavailableException e) {
            return form(user, recipeId, form, null, unreadable(), model);
        }
    }

    @PostMapping("/recipes")
    String create(CurrentUser user, @RequestParam Map<String, String> fields, Model model) {
        RecipeForm form = posted(user, "", fields);
        try {
            RecipeView recipe = recipes.create(user, form.draft(), true);
            return "redirect:/recipes/" + recipe.id();
        } catch (InvalidRecipeException e) {
            return form(user, "", form, null, e, model);
        }
    }

    @PostMapping("/recipes/{id}")
    String update(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> fields, Model model) {
        RecipeForm form = posted(user, id.toString(), fields);
        try {
            recipes.update(user, new RecipeId(id), form.draft());
            return "redirect:/recipes/" + id + "?saved";
        } catch (InvalidRecipeException e) {
            return form(user, id.toString(), form, null, e, model);
        }
    }

    @GetMapping("/recipes/new-send")
    String sendForm(CurrentUser user, @RequestParam(defaultValue = "") String boardId, Model model) {
        return sendForm(user, SendRecipeForm.empty(boardId), null, null, model);
    }

    @PostMapping("/recipes/send")
    String createSend(CurrentUser user, @RequestParam Map<String, String> fields, Model model) {
        SendRecipeForm form = SendRecipeForm.of(fields);
        try {
            RecipeView recipe = recipes.create(user, form.draft(), true);
            return "redirect:/recipes/" + recipe.id();
        } catch (InvalidRecipeException e) {
            return sendForm(user, form, e.getMessage(), null, model);
        } catch (MailSendRefusedException e) {
            String grant = e.reason() == MailSendRefusedException.Reason.SEND_NOT_GRANTED ? e.connectionId() : null;
            return sendForm(user, form, e.getMessage(), grant, model);
        }
    }

    @GetMapping("/recipes/{id}")
    String recipe(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(required = false) @Nullable String saved,
            Model model) {
        RecipeView recipe = recipes.recipe(user, new RecipeId(id));
        model.addAttribute("saved", saved != null);
        model.addAttribute("mapping", mappingSentence(user, recipe));
        RunOutcome filter = outcome.isBlank() ? null : RunOutcome.fromCode(outcome);
        model.addAttribute("recipe", recipe);
        model.addAttribute("board", boards.board(Actor.of(user), recipe.boardId()));
        model.addAttribute("runs", recipes.runs(user, recipe.id(), filter, 200));
        model.addAttribute("outcome", outcome);
        model.addAttribute("sendSentence", sendSentence(user, recipe));
        return "recipes/recipe";
    }

    @PostMapping("/recipes/{id}/{change:pause|resume}")
    String switchTo(CurrentUser user, @PathVariable UUID id, @PathVariable String change) {
        recipes.switchTo(user, new RecipeId(id), "resume".equals(change));
        return "redirect:/recipes/" + id;
    }

    @PostMapping("/recipes/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id) {
        recipes.delete(user, new RecipeId(id));
        return "redirect:/recipes";
    }

    @PostMapping("/recipes/{id}/runs/{runId}/replay")
    String replay(CurrentUser user, @PathVariable UUID id, @PathVariable long runId) {
        recipes.replay(user, new RecipeId(id), runId);
        return "redirect:/recipes/" + id;
    }

    private String form(
            CurrentUser user,
            String recipeId,
            RecipeForm form,
            @Nullable List<PreviewLine> preview,
            @Nullable InvalidRecipeException error,
            Model model) {
        choices(user, form.boardId(), model);
        model.addAttribute("recipeId", recipeId);
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("problems", error == null ? List.of() : error.problems());
        return "recipes/form";
    }

    /** The posted form; a condition the form could not show is kept from the recipe being edited. */
    private RecipeForm posted(CurrentUser user, String recipeId, Map<String, String> fields) {
        Condition kept = null;
        if (fields.containsKey("keepCondition") && !recipeId.isBlank()) {
            kept = recipes.recipe(user, new RecipeId(UUID.fromString(recipeId))).condition();
        }
        return RecipeForms.posted(fields, kept);
    }

    private static InvalidRecipeException unreadable() {
        return new InvalidRecipeException(List.of(new FieldProblem(
                "connectionId",
                "the mailbox could not be read for the preview; if it says “needs reconnect” on the Integrations"
                        + " page, press Reconnect there")));
    }

    /** What a new item gets, in words: "Requester gets the sender; State is set to New; ...". */
    private String mappingSentence(CurrentUser user, RecipeView recipe) {
        RecipeAction action = recipe.action();
        if (!action.readsMail()) {
            return "";
        }
        Map<String, String> names = boards.columns(Actor.of(user), recipe.boardId()).stream()
                .collect(Collectors.toMap(c -> c.id().toString(), ColumnView::name, (a, b) -> a));
        List<String> parts = new java.util.ArrayList<>();
        if (action.senderColumn() != null) {
            parts.add(names.getOrDefault(action.senderColumn().toString(), "a removed column") + " gets the sender");
        }
        if (action.receivedColumn() != null) {
            parts.add(names.getOrDefault(action.receivedColumn().toString(), "a removed column")
                    + " gets the received date");
        }
        action.fixedValues()
                .forEach((column, value) ->
                        parts.add(names.getOrDefault(column, "a removed column") + " is set to “" + value + "”"));
        parts.add(action.bodyAsFirstUpdate() ? "the email’s text is its first update" : "the email’s text is not kept");
        parts.add(action.copyAttachments() ? "attachments are copied" : "attachments are not copied");
        return "A new item is named after the subject; " + String.join("; ", parts) + ".";
    }

    /** "When State changes to New, send an email to Requester" for a send-email recipe, else null. */
    private @Nullable String sendSentence(CurrentUser user, RecipeView recipe) {
        RecipeAction.SendEmail send = recipe.action().sendEmail();
        if (send == null) {
            return null;
        }
        Map<UUID, String> names = boards.columns(Actor.of(user), recipe.boardId()).stream()
                .collect(Collectors.toMap(c -> c.id().value(), ColumnView::name, (a, b) -> a));
        return "When " + names.getOrDefault(send.triggerColumn(), "(a removed column)") + " changes to "
                + send.triggerValue() + ", send an email to "
                + names.getOrDefault(send.toColumn(), "(a removed column)");
    }

    private String sendForm(
            CurrentUser user,
            SendRecipeForm form,
            @Nullable String error,
            @Nullable String grantConnectionId,
            Model model) {
        choices(user, form.boardId(), model);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("grantConnectionId", grantConnectionId);
        return "recipes/send-form";
    }

    /** What both forms offer: the boards the user may edit, their mailboxes, the chosen board's columns. */
    private void choices(CurrentUser user, @Nullable String boardId, Model model) {
        List<BoardView> editable = boards.boards(Actor.of(user)).stream()
                .filter(BoardView::canEdit)
                .toList();
        List<ColumnView> columns = editable.stream()
                .filter(b -> b.id().toString().equals(boardId))
                .findFirst()
                .map(b -> boards.columns(Actor.of(user), b.id()))
                .orElse(List.of());
        model.addAttribute("boards", editable);
        model.addAttribute("connections", connections.listFor(user));
        model.addAttribute("columns", columns);
    }

    private static Map<String, String> names(List<BoardView> boards) {
        return boards.stream().collect(Collectors.toMap(b -> b.id().toString(), BoardView::name, (a, b) -> a));
    }
}
