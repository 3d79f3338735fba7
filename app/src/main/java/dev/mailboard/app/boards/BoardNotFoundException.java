package dev.mailboard.app.boards;

/**
 * Thrown when a board, column, item, update or file does not exist, belongs to another account, or
 * is on a board the caller is not a member of: all three look the same to the caller (404).
 */
public class BoardNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what for example {@code item 1234}
     */
    public BoardNotFoundException(String what) {
        super("There is no " + what + ", or you have no access to it");
    }
}
