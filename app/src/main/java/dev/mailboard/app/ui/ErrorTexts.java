package dev.mailboard.app.ui;

import org.springframework.http.HttpStatus;

/** The plain words an error page says for each status, with what the reader can do next. */
final class ErrorTexts {

    private ErrorTexts() {}

    static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Sign in first";
            case METHOD_NOT_ALLOWED, BAD_REQUEST -> "That did not work";
            case CONTENT_TOO_LARGE -> "Too large";
            default -> status.is5xxServerError() ? "Something went wrong on our side" : "That did not work";
        };
    }

    static String message(HttpStatus status, boolean signedIn) {
        return switch (status) {
            case NOT_FOUND ->
                "There is nothing at this address: the link may be mistyped, or what it pointed to was deleted"
                        + (signedIn ? " or is on a board you are not a member of." : ".");
            case FORBIDDEN -> "Your role does not allow this. An admin of your account can change your role.";
            case UNAUTHORIZED -> "Sign in to see this page.";
            case METHOD_NOT_ALLOWED -> "This address cannot be used that way. Go back and use the page's buttons.";
            case BAD_REQUEST -> "Something in the request was missing or not valid. Go back and try again.";
            case CONTENT_TOO_LARGE -> "What was sent is larger than the limit. Send a smaller file.";
            default ->
                status.is5xxServerError()
                        ? "Nothing you did caused this. Try again in a moment; if it keeps happening, tell your admin."
                        : "Go back and try again.";
        };
    }
}
