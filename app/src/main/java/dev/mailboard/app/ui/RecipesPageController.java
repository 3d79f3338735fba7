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
        return form(user, RecipeForm.empty(boardId), null, null, model);
    }

    @PostMapping("/recipes/preview")
    String preview(CurrentUser user, @RequestParam Map<String, String> fields, Model model) {
        RecipeForm form = RecipeForm.of(fields);
        try {
            return form(user, form, previews.preview(user, form.draft(), RecipePreviews.DEFAULT_COUNT), null, model);
        } catch (InvalidRecipeException e) {
            return form(user, form, null, e.getMessage(), model);
        } catch (MailboxUnavailableException | ConnectionUnavailableException e) {
            return form(user, form, null, "The mailbox could not be read for the preview: " + e.getMessage(), model);
        }
    }

    @PostMapping("/recipes")
    String create(CurrentUser user, @RequestParam Map<String, String> fields, Model model) {
        RecipeForm form = RecipeForm.of(fields);
        try {
            RecipeView recipe = recipes.create(user, form.draft(), true);
            return "redirect:/recipes/" + recipe.id();
        } catch (InvalidRecipeException e) {
            return form(user, form, null, e.getMessage(), model);
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
            CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String outcome, Model model) {
        RecipeView recipe = recipes.recipe(user, new RecipeId(id));
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
            RecipeForm form,
            @Nullable List<PreviewLine> preview,
            @Nullable String error,
            Model model) {
        choices(user, form.boardId(), model);
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("error", error);
        return "recipes/form";
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
