package dev.mailboard.app.accounts;

/** Thrown when an invitation link is unknown, already used or expired. */
public class InvitationInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail a human-readable explanation without any secret
     */
    public InvitationInvalidException(String detail) {
        super(detail);
    }
}
