package dev.mailboard.app.recipes;

/** The caller may see the recipe or board but not do this to it (S-45): answer 403. */
public class RecipePermissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing, in words for the user
     */
    public RecipePermissionException(String message) {
        super(message);
    }
}
