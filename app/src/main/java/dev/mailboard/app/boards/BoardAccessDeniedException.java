package dev.mailboard.app.boards;

/** Thrown when the caller may see a board but not do what they asked (a viewer writing: 403). */
public class BoardAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is not allowed and which role it needs
     */
    public BoardAccessDeniedException(String message) {
        super(message);
    }
}
