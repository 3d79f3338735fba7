package dev.mailboard.app.connections.web;

import dev.mailboard.app.accounts.PermissionDeniedException;
import dev.mailboard.app.accounts.UnknownIdException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the connections API. */
@RestControllerAdvice(basePackageClasses = ConnectionsProblemAdvice.class)
class ConnectionsProblemAdvice {

    @ExceptionHandler(PermissionDeniedException.class)
    ProblemDetail forbidden(PermissionDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(UnknownIdException.class)
    ProblemDetail notFound(UnknownIdException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, String.valueOf(e.getMessage()));
    }
}
