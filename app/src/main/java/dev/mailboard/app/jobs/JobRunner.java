package dev.mailboard.app.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobHandler;
import dev.mailboard.app.jobs.spi.JobOutcome;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one stored job: finds its handler, runs it, and turns the outcome into the scheduler's next step
 * (remove, reschedule with backoff, or move to the dead-letter table).
 */
final class JobRunner implements ExecutionHandler<JobEnvelope> {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobHandlers handlers;
    private final JsonMapper json;
    private final DeadLetterRepository deadLetters;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;

    JobRunner(
            JobHandlers handlers,
            JsonMapper json,
            DeadLetterRepository deadLetters,
            Backoff backoff,
            int maxAttempts,
            Clock clock) {
        this.handlers = handlers;
        this.json = json;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public CompletionHandler<JobEnvelope> execute(TaskInstance<JobEnvelope> instance, ExecutionContext context) {
        JobEnvelope job = instance.getData().nextAttempt();
        JobOutcome outcome = run(job);
        if (outcome instanceof JobOutcome.Failed failed) {
            return giveUp(job, failed.reason());
        }
        if (outcome instanceof JobOutcome.RetryAfter retry) {
            return retry(job, retry.delay(), retry.reason());
        }
        return (complete, operations) -> operations.remove();
    }

    private JobOutcome run(JobEnvelope job) {
        JobHandler<?> handler = handlers.find(job.type()).orElse(null);
        if (handler == null) {
            return JobOutcome.failed("No handler for job type " + job.type());
        }
        try {
            return runTyped(handler, job);
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) failed on attempt {}: {}", job.type(), job.dedupeKey(), job.attempts(), e.toString());
            return JobOutcome.retryAfter(Duration.ZERO, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private <T extends Record> JobOutcome runTyped(JobHandler<T> handler, JobEnvelope job) {
        T command = json.readValue(job.payload(), handler.commandType());
        return handler.handle(command, new JobAttempt(job.attempts(), maxAttempts, job.dedupeKey()));
    }

    private CompletionHandler<JobEnvelope> retry(JobEnvelope job, Duration atLeast, String reason) {
        if (job.attempts() >= maxAttempts) {
            return giveUp(job, "Gave up after " + job.attempts() + " attempts: " + reason);
        }
        Duration delay = backoff.after(job.attempts(), atLeast);
        return (complete, operations) ->
                operations.reschedule(complete, clock.instant().plus(delay), job);
    }

    private CompletionHandler<JobEnvelope> giveUp(JobEnvelope job, String reason) {
        log.warn("Job {} ({}) moved to the dead-letter table: {}", job.type(), job.dedupeKey(), reason);
        return (complete, operations) -> {
            deadLetters.insert(job, reason, clock.instant());
            operations.remove();
        };
    }
}
