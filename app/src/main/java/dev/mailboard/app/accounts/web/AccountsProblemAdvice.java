package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.DuplicateEmailException;
import dev.mailboard.app.accounts.InvitationInvalidException;
import dev.mailboard.app.accounts.LastAdminException;
import dev.mailboard.app.accounts.PermissionDeniedException;
import dev.mailboard.app.accounts.UnknownIdException;
import dev.mailboard.app.accounts.WeakPasswordException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the accounts module's exceptions into RFC 9457 problem details with a readable {@code detail}. */
@RestControllerAdvice(basePackageClasses = AccountsProblemAdvice.class)
class AccountsProblemAdvice {

    @ExceptionHandler(PermissionDeniedException.class)
    ProblemDetail permissionDenied(PermissionDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler({UnknownIdException.class, InvitationInvalidException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler({LastAdminException.class, DuplicateEmailException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler({WeakPasswordException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e);
    }

    private static ProblemDetail problem(HttpStatus status, RuntimeException e) {
        String message = e.getMessage();
        return ProblemDetail.forStatusAndDetail(status, message == null ? status.getReasonPhrase() : message);
    }
}
