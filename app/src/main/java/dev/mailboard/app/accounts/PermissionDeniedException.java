package dev.mailboard.app.accounts;

/** Thrown when the caller's role does not allow what they asked for (for example a member asking for an admin function). */
public class PermissionDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail a human-readable explanation without any secret
     */
    public PermissionDeniedException(String detail) {
        super(detail);
    }
}
