package dev.mailboard.app.accounts;

/** Thrown when a new password does not meet the password rules; the message says what is needed. */
public class WeakPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail a human-readable explanation without any secret
     */
    public WeakPasswordException(String detail) {
        super(detail);
    }
}
