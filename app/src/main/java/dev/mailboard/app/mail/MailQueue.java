package dev.mailboard.app.mail;

import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.jobs.Jobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Enqueues the mail module's jobs. The job engine needs the mail job handlers to start, and those handlers
 * enqueue jobs themselves, so {@link Jobs} is looked up when first used rather than injected.
 */
@Component
class MailQueue {

    private final ObjectProvider<Jobs> jobs;

    MailQueue(ObjectProvider<Jobs> jobs) {
        this.jobs = jobs;
    }

    /** Enqueues a job in the caller's transaction, if any; see {@link Jobs#enqueue(JobRequest)}. */
    boolean enqueue(JobRequest request) {
        return jobs.getObject().enqueue(request);
    }
}
