package dev.mailboard.app.accounts;

/** Thrown when a user is created or invited with an address that another user already has. */
public class DuplicateEmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param email the address that is taken
     */
    public DuplicateEmailException(String email) {
        super("A user with the address " + email + " already exists");
    }
}
