package dev.mailboard.sandbox.identity;

/** An OAuth error with its AADSTS number, answered in the identity platform's error shape. */
final class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int code;
    private final int status;

    IdentityException(String error, int code, String description) {
        this(error, code, description, "invalid_client".equals(error) ? 401 : 400);
    }

    IdentityException(String error, int code, String description, int status) {
        super("AADSTS" + code + ": " + description);
        this.error = error;
        this.code = code;
        this.status = status;
    }

    String error() {
        return error;
    }

    int code() {
        return code;
    }

    int status() {
        return status;
    }
}
