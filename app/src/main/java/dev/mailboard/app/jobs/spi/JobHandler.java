package dev.mailboard.app.jobs.spi;

/**
 * Runs one kind of job. A Spring bean implementing it is found by the type of its command; the command
 * is stored as JSON, so it must be a record of plain values (ids, not secrets or entities).
 *
 * <p>A handler may run more than once for the same command (after a crash, or when a retry is due), so
 * it must be idempotent. It must not hold a database transaction open while calling another service.
 *
 * @param <T> the command record, for example {@code FetchMessage}
 */
public interface JobHandler<T extends Record> {

    /**
     * The command this handler runs.
     *
     * @return the record class; its simple name is the job's type and must be unique
     */
    Class<T> commandType();

    /**
     * Runs the job.
     *
     * @param command the command as it was enqueued
     * @param attempt which attempt this is
     * @return what happened; a thrown exception counts as a failure to retry with backoff
     */
    JobOutcome handle(T command, JobAttempt attempt);
}
