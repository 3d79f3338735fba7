package dev.mailboard.app.mail.graph;

import java.io.IOException;

/** A response body went past the size this client reads. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
        super("response body over " + limit + " bytes");
    }
}
