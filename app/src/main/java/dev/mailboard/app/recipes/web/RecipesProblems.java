package dev.mailboard.app.recipes.web;

import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.MailboxUnavailableException;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.RecipeNotFoundException;
import dev.mailboard.app.recipes.RecipePermissionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the exceptions of the recipes API into RFC 9457 problem details. */
@RestControllerAdvice(basePackageClasses = RecipesProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecipesProblems {

    @ExceptionHandler({RecipeNotFoundException.class, BoardNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e);
    }

    @ExceptionHandler({RecipePermissionException.class, BoardAccessDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRecipeException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid recipe", e);
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler({ConnectionUnavailableException.class, MailboxUnavailableException.class})
    ProblemDetail mailboxUnavailable(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Mailbox unavailable", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        String message = e.getMessage();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, message == null ? status.getReasonPhrase() : message);
        problem.setTitle(title);
        return problem;
    }
}
