package dev.mailboard.sandbox.control;

/** A refused control API request, answered with its status and a short JSON message. */
final class ControlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ControlException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
