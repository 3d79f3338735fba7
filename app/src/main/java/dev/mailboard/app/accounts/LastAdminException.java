package dev.mailboard.app.accounts;

/** Thrown when a change would leave an account without an active admin. */
public class LastAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail a human-readable explanation without any secret
     */
    public LastAdminException(String detail) {
        super(detail);
    }
}
