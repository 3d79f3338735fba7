package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.FileTooLargeException;
import dev.mailboard.app.boards.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns board errors on pages into a page (or, for htmx requests, a notice swapped into {@code #notice})
 * with the right status: 404 for ids of other accounts and boards without access, 403 for writes the
 * board role does not allow, 400 for bad input, 413 for files over the limit.
 */
@ControllerAdvice(
        assignableTypes = {
            BoardsPageController.class,
            BoardsItemPageController.class,
            BoardsEventsPageController.class,
            DemoBoardPageController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoardsPageAdvice {

    private final PageContextAdvice pages;

    BoardsPageAdvice(PageContextAdvice pages) {
        this.pages = pages;
    }

    @ExceptionHandler
    String notFound(
            BoardNotFoundException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(user, HttpServletResponse.SC_NOT_FOUND, "Not found", e.getMessage(), request, response, model);
    }

    @ExceptionHandler
    String denied(
            BoardAccessDeniedException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(user, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage(), request, response, model);
    }

    @ExceptionHandler({InvalidValueException.class, IllegalArgumentException.class})
    String invalid(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(
                user,
                HttpServletResponse.SC_BAD_REQUEST,
                "That did not work",
                e.getMessage(),
                request,
                response,
                model);
    }

    @ExceptionHandler({FileTooLargeException.class, MaxUploadSizeExceededException.class})
    String tooLarge(
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String message = e instanceof FileTooLargeException ? e.getMessage() : "The file is larger than the limit";
        return problem(user, 413, "File too large", message, request, response, model);
    }

    private String problem(
            @Nullable CurrentUser user,
            int status,
            String title,
            @Nullable String message,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status);
        model.addAttribute("page", pages.page(user, request));
        model.addAttribute("title", title);
        model.addAttribute("message", message == null ? title : message);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#notice");
            response.setHeader("HX-Reswap", "innerHTML");
            return "boards/notice";
        }
        return "boards/problem";
    }
}
