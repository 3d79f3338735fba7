package dev.mailboard.app.jobs.spi;

import java.time.Duration;

/**
 * Work that runs on a fixed delay, once across all instances sharing the database (for example the
 * catch-up sync or the subscription renewals). A Spring bean implementing it is registered at start.
 */
public interface RecurringJob {

    /**
     * A stable, unique name.
     *
     * @return for example {@code renew-subscriptions}
     */
    String name();

    /**
     * How long after one run ends the next one starts.
     *
     * @return the delay
     */
    Duration interval();

    /** Runs once. An exception is logged and the next run comes at the usual time. */
    void run();
}
