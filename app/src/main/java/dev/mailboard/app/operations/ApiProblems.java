package dev.mailboard.app.operations;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns the framework's errors into RFC 9457 problem details whose {@code detail} tells a person what
 * was wrong with the request. Modules map their own exceptions in their own {@code web} packages; this
 * advice comes last.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimit.isTooLarge(ex)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", RequestBodyLimit.message());
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", describe(ex.getCause()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, detail.isEmpty() ? "The request is not valid" : detail);
        body.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        Class<?> required = ex.getRequiredType();
        String type = required == null ? "another type" : "a " + required.getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "'" + ex.getName() + "' must be " + type);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        String message = ex.getMessage();
        return problem(
                HttpStatus.BAD_REQUEST, "Invalid request", message == null ? "The request is not valid" : message);
    }

    static String describe(@Nullable Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            return "Field '" + fieldPath(format) + "' must be "
                    + article(format.getTargetType().getSimpleName());
        }
        if (cause instanceof MismatchedInputException missing && missingField(missing) != null) {
            String path = fieldPath(missing);
            String name = missingField(missing);
            String field =
                    path.equals(name) || path.endsWith("." + name) ? path : (path.isEmpty() ? "" : path + ".") + name;
            return "Field '" + field + "' is required";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            Class<?> target = mismatch.getTargetType();
            return "Field '" + fieldPath(mismatch) + "' has the wrong type"
                    + (target == null ? "" : ": expected " + article(target.getSimpleName()));
        }
        if (cause instanceof JacksonException json) {
            return "The body is not valid JSON (" + json.getOriginalMessage() + ")";
        }
        return "The request body is missing or cannot be read as JSON";
    }

    /**
     * The name of a required field the body left out: Jackson's "Missing required creator property 'x'", or a
     * primitive field left out or sent as null ("Cannot map `null` into type ...", named by the path).
     */
    private static @Nullable String missingField(MismatchedInputException ex) {
        String message = ex.getOriginalMessage();
        if (message != null && message.startsWith("Missing required creator property '")) {
            int start = message.indexOf('\'') + 1;
            int end = message.indexOf('\'', start);
            return end > start ? message.substring(start, end) : null;
        }
        if (message != null
                && message.startsWith("Cannot map `null` into type")
                && !ex.getPath().isEmpty()) {
            return ex.getPath().get(ex.getPath().size() - 1).getPropertyName();
        }
        return null;
    }

    private static String fieldPath(MismatchedInputException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String article(String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long", "double", "Double", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a valid " + type;
        };
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }
}
