package dev.mailboard.app.boards;

/** Thrown when an item changed since the version the caller sent (409); it carries the current item. */
public class StaleItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: it lives within one request
    private final ItemView current;

    /**
     * Creates the exception.
     *
     * @param expected the version the caller sent
     * @param current the item as it is now
     */
    public StaleItemException(long expected, ItemView current) {
        super("Item " + current.id().tag() + " was changed by someone else (you sent version " + expected
                + ", it is now at version " + current.version() + "); nothing was saved. Reload and try again.");
        this.current = current;
    }

    /**
     * The item as it is now.
     *
     * @return the current state
     */
    public ItemView current() {
        return current;
    }
}
