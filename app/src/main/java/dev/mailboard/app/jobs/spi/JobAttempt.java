package dev.mailboard.app.jobs.spi;

/**
 * Which run of a job this is.
 *
 * @param number 1 for the first run, 2 for the first retry, and so on
 * @param maxAttempts how many runs are allowed before the job goes to the dead-letter table
 * @param dedupeKey the key the job was enqueued with
 */
public record JobAttempt(int number, int maxAttempts, String dedupeKey) {

    /**
     * Whether no retry will follow a failure of this run.
     *
     * @return true on the last allowed attempt
     */
    public boolean isLast() {
        return number >= maxAttempts;
    }
}
