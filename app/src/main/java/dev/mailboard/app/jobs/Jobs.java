package dev.mailboard.app.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** Enqueues durable jobs and shows the ones that were given up. */
@Service
public class Jobs {

    private static final int MAX_KEY_LENGTH = 200;

    private final JobScheduler scheduler;
    private final JsonMapper json;
    private final DeadLetterRepository deadLetters;
    private final Clock clock;

    Jobs(JobScheduler scheduler, JsonMapper json, DeadLetterRepository deadLetters, Clock clock) {
        this.scheduler = scheduler;
        this.json = json;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * Enqueues a job, in the caller's transaction if there is one: the job exists only if that transaction
     * commits. A job with the same type and dedupe key that is still pending makes this a no-op.
     *
     * @param request the job
     * @return true when enqueued, false when an identical job was already pending
     */
    public boolean enqueue(JobRequest request) {
        String type = JobHandlers.typeOf(request.command().getClass());
        JobEnvelope envelope =
                new JobEnvelope(type, json.writeValueAsString(request.command()), request.dedupeKey(), 0);
        return schedule(envelope, request.runAt() == null ? clock.instant() : request.runAt());
    }

    /**
     * Enqueues several jobs; see {@link #enqueue(JobRequest)}.
     *
     * @param requests the jobs
     * @return how many were new
     */
    @Transactional
    public int enqueueAll(List<JobRequest> requests) {
        int added = 0;
        for (JobRequest request : requests) {
            added += enqueue(request) ? 1 : 0;
        }
        return added;
    }

    /**
     * The most recent jobs that were given up.
     *
     * @param limit how many at most
     * @return newest first
     */
    public List<DeadLetterView> deadLetters(int limit) {
        return deadLetters.findRecent(limit);
    }

    /**
     * How many given-up jobs wait for an admin.
     *
     * @return the count of dead letters not yet replayed
     */
    public long deadLetterCount() {
        return deadLetters.countUnreplayed();
    }

    /**
     * Runs a given-up job again, from its first attempt.
     *
     * @param deadLetterId the dead letter
     * @return false when there is no such dead letter or it was already replayed
     */
    @Transactional
    public boolean replay(long deadLetterId) {
        return deadLetters
                .findForReplay(deadLetterId)
                .map(job -> {
                    deadLetters.markReplayed(deadLetterId, clock.instant());
                    schedule(job, clock.instant());
                    return true;
                })
                .orElse(false);
    }

    private boolean schedule(JobEnvelope envelope, Instant runAt) {
        String instanceId = envelope.type() + ":" + compact(envelope.dedupeKey());
        boolean added =
                scheduler.client().scheduleIfNotExists(scheduler.jobTask().instance(instanceId, envelope), runAt);
        if (added) {
            wakeAfterCommit();
        }
        return added;
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.wake();
                }
            });
        } else {
            scheduler.wake();
        }
    }

    static String compact(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, 100) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
