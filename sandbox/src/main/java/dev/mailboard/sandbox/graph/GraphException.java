package dev.mailboard.sandbox.graph;

import java.util.Map;

/** A Graph error answer: HTTP status, Graph error code and message, plus any extra headers. */
final class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    GraphException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    GraphException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    static GraphException notFound() {
        return new GraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    static GraphException accessDenied() {
        return new GraphException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }

    static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }
}
