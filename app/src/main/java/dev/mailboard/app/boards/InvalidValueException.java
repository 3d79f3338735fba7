package dev.mailboard.app.boards;

/** Thrown when a name, column value or other input is not acceptable (400); the message says why. */
public class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what is expected
     */
    public InvalidValueException(String message) {
        super(message);
    }
}
