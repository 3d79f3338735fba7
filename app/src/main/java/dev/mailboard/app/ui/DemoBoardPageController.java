package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.MailboxUnavailableException;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.RecipePermissionException;
import dev.mailboard.app.recipes.RecipeView;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-click sample recipe of the demo board; unknown boards answer 404 through {@link BoardsPageAdvice}. */
@Controller
class DemoBoardPageController {

    private final DemoBoard demoBoard;

    DemoBoardPageController(DemoBoard demoBoard) {
        this.demoBoard = demoBoard;
    }

    @PostMapping("/boards/{boardId}/sample-recipe")
    String createSampleRecipe(CurrentUser user, @PathVariable UUID boardId, RedirectAttributes redirect) {
        try {
            RecipeView recipe = demoBoard.createSampleRecipe(user, new BoardId(boardId));
            redirect.addFlashAttribute(
                    "demoNotice",
                    "The recipe “" + recipe.name() + "” is on. Now send a test email to your mailbox from the"
                            + " sandbox page: it appears on this board within seconds.");
        } catch (RecipePermissionException e) {
            redirect.addFlashAttribute("demoError", e.getMessage());
        } catch (ConnectionUnavailableException | MailboxUnavailableException e) {
            redirect.addFlashAttribute(
                    "demoError",
                    "Your mailbox cannot be read now; reconnect it on the Integrations page and try again.");
        } catch (InvalidRecipeException e) {
            redirect.addFlashAttribute(
                    "demoError",
                    "The sample recipe does not fit this board: "
                            + e.problems().stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        }
        return "redirect:/boards/" + boardId;
    }
}
