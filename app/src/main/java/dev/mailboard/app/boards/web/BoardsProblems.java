package dev.mailboard.app.boards.web;

import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.FileTooLargeException;
import dev.mailboard.app.boards.InvalidValueException;
import dev.mailboard.app.boards.StaleItemException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Turns the boards module's exceptions into RFC 9457 problem details for the boards API. */
@RestControllerAdvice(basePackageClasses = BoardsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoardsProblems {

    private final String maxFileSize;

    BoardsProblems(org.springframework.core.env.Environment environment) {
        this.maxFileSize = environment.getProperty("mailboard.boards.max-file-size", "the limit");
    }

    @ExceptionHandler
    ProblemDetail notFound(BoardNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail denied(BoardAccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleItemException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "The item changed meanwhile", e.getMessage());
        problem.setProperty("current", e.current());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(FileTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large",
                "The file is larger than the limit of " + maxFileSize + "; nothing was stored");
    }

    @ExceptionHandler
    ProblemDetail badUpload(MultipartException e) {
        return problem(
                HttpStatus.BAD_REQUEST, "Bad upload", "Send the file as multipart/form-data in a part named 'file'");
    }

    @ExceptionHandler
    ProblemDetail versionRequired(Versions.VersionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Version required", e.getMessage());
    }

    @ExceptionHandler({InvalidValueException.class, IllegalArgumentException.class})
    ProblemDetail invalid(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
