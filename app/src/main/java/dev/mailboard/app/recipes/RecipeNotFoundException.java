package dev.mailboard.app.recipes;

/** There is no such recipe or run that the caller may see (another account's ids included): answer 404. */
public class RecipeNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what what was looked for, for example {@code recipe 3f2...}
     */
    public RecipeNotFoundException(String what) {
        super("There is no " + what + " you can see.");
    }
}
