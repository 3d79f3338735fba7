package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.MailboxUnavailableException;
import dev.mailboard.app.recipes.RecipeNotFoundException;
import dev.mailboard.app.recipes.RecipePermissionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Turns recipe errors on pages into a page with the right status: 404, 403, 400 or 409. */
@ControllerAdvice(assignableTypes = RecipesPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecipesPageAdvice {

    private final PageContextAdvice pages;

    RecipesPageAdvice(PageContextAdvice pages) {
        this.pages = pages;
    }

    @ExceptionHandler({RecipeNotFoundException.class, BoardNotFoundException.class})
    String notFound(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(user, HttpServletResponse.SC_NOT_FOUND, "Not found", e, request, response, model);
    }

    @ExceptionHandler({RecipePermissionException.class, BoardAccessDeniedException.class})
    String denied(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(user, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e, request, response, model);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    String invalid(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(user, HttpServletResponse.SC_BAD_REQUEST, "That did not work", e, request, response, model);
    }

    @ExceptionHandler({ConnectionUnavailableException.class, MailboxUnavailableException.class})
    String unavailable(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(
                user, HttpServletResponse.SC_CONFLICT, "The mailbox cannot be read now", e, request, response, model);
    }

    private String problem(
            @Nullable CurrentUser user,
            int status,
            String title,
            RuntimeException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String message = e.getMessage();
        response.setStatus(status);
        model.addAttribute("page", pages.page(user, request));
        model.addAttribute("title", title);
        model.addAttribute("message", message == null ? title : message);
        return "boards/problem";
    }
}
