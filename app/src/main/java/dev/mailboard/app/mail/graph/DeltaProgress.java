package dev.mailboard.app.mail.graph;

/** Hears how far a delta round has got, after each page. */
@FunctionalInterface
public interface DeltaProgress {

    /** Hears nothing. */
    DeltaProgress NONE = (pages, messages) -> {};

    /**
     * Called after each page of the round.
     *
     * @param pages how many pages have been read
     * @param messages how many changed or removed messages they listed
     */
    void page(int pages, int messages);
}
