package dev.mailboard.app.recipes.web;

import dev.mailboard.app.accounts.AuditEntry;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.AuditOutcome;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.mail.MailboxUnavailableException;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.RecipeNotFoundException;
import dev.mailboard.app.recipes.RecipePermissionException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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

    private final AuditLog audit;

    RecipesProblems(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler({RecipeNotFoundException.class, BoardNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e);
    }

    /** A refusal is audited (S-49) here, after the refused request's transaction was rolled back. */
    @ExceptionHandler({RecipePermissionException.class, BoardAccessDeniedException.class})
    ProblemDetail denied(RuntimeException e, @Nullable CurrentUser user, HttpServletRequest request) {
        if (user != null) {
            audit.record(AuditEntry.of(
                    user,
                    "recipe.denied",
                    request.getMethod() + " " + request.getRequestURI(),
                    AuditOutcome.DENIED,
                    String.valueOf(e.getMessage())));
        }
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

    /** A refused mail: invalid fields 400, a rate limit 429 (both audited, S-49), no Mail.Send 409. */
    @ExceptionHandler
    ProblemDetail sendRefused(MailSendRefusedException e, @Nullable CurrentUser user, HttpServletRequest request) {
        ProblemDetail problem;
        switch (e.reason()) {
            case INVALID -> {
                problem = problem(HttpStatus.BAD_REQUEST, "Invalid mail", e);
                problem.setProperty("errors", e.problems());
            }
            case RATE_LIMITED -> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Sending limit reached", e);
            case SEND_NOT_GRANTED -> {
                problem = problem(HttpStatus.CONFLICT, "Grant sending first", e);
                problem.setProperty("grantUrl", "/integrations/" + e.connectionId() + "/send-permission");
                problem.setProperty("grantMethod", "POST");
            }
            case NOT_YOUR_CONNECTION -> problem = problem(HttpStatus.FORBIDDEN, "Not allowed", e);
            default -> problem = problem(HttpStatus.CONFLICT, "Mailbox unavailable", e);
        }
        if (user != null && e.reason() != MailSendRefusedException.Reason.SEND_NOT_GRANTED) {
            audit.record(AuditEntry.of(
                    user,
                    "mail.send.refused",
                    request.getMethod() + " " + request.getRequestURI(),
                    AuditOutcome.DENIED,
                    String.valueOf(e.getMessage())));
        }
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        String message = e.getMessage();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, message == null ? status.getReasonPhrase() : message);
        problem.setTitle(title);
        return problem;
    }
}
