package dev.mailboard.sandbox.notifications;

/** A refused subscription request, with the Graph status and error code to answer. */
public final class SubscriptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    SubscriptionException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The Graph error code. */
    public String code() {
        return code;
    }

    static SubscriptionException invalid(String message) {
        return new SubscriptionException(400, "InvalidRequest", message);
    }
}
