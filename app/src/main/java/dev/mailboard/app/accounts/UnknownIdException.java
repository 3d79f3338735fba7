package dev.mailboard.app.accounts;

/** Thrown when an id is not found in the caller's account; an id of another account is reported the same way. */
public class UnknownIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail a human-readable explanation without any secret
     */
    public UnknownIdException(String detail) {
        super(detail);
    }
}
