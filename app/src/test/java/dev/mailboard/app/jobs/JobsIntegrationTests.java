package dev.mailboard.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.jobs.RecordingJobHandler.TestJob;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@MailboardIntegrationTest
class JobsIntegrationTests {

    @Autowired
    Jobs jobs;

    @Autowired
    RecordingJobHandler handler;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void runsAnEnqueuedJobOnce() {
        String id = newId();

        assertThat(jobs.enqueue(JobRequest.now(new TestJob(id, List.of("done")), id)))
                .isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.runsOf(id).size() == 1);
        assertThat(handler.runsOf(id))
                .extracting(RecordingJobHandler.Run::attempt)
                .containsExactly(1);
    }

    @Test
    void ignoresTheSameJobWhileItIsPending() {
        String id = newId();
        Instant later = Instant.now().plus(Duration.ofHours(1));

        boolean first = jobs.enqueue(new JobRequest(new TestJob(id, List.of("done")), id, later));
        boolean second = jobs.enqueue(new JobRequest(new TestJob(id, List.of("done")), id, later));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void retriesNoSoonerThanTheOutcomeAsks() {
        String id = newId();

        jobs.enqueue(JobRequest.now(new TestJob(id, List.of("retry:700", "done")), id));

        await().atMost(Duration.ofSeconds(15)).until(() -> handler.runsOf(id).size() == 2);
        List<RecordingJobHandler.Run> runs = handler.runsOf(id);
        assertThat(runs).extracting(RecordingJobHandler.Run::attempt).containsExactly(1, 2);
        assertThat(Duration.between(runs.get(0).at(), runs.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aFailedJobGoesToTheDeadLetterTableAndCanBeReplayed() {
        String id = newId();
        jobs.enqueue(JobRequest.now(new TestJob(id, List.of("fail", "done")), id));

        DeadLetterView dead =
                await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterOf(id), letter -> letter != null);
        assertThat(dead.reason()).contains("asked to fail");
        assertThat(dead.type()).isEqualTo("TestJob");

        assertThat(jobs.replay(dead.id())).isTrue();
        assertThat(jobs.replay(dead.id())).as("a second replay").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.runsOf(id).size() == 2);
    }

    @Test
    void aJobThatKeepsThrowingIsGivenUpAfterTheMaximumAttempts() {
        String id = newId();
        jobs.enqueue(JobRequest.now(new TestJob(id, List.of("throw")), id));

        DeadLetterView dead =
                await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterOf(id), letter -> letter != null);

        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.reason()).contains("Gave up after 3 attempts").contains("asked to throw");
        assertThat(handler.runsOf(id)).hasSize(3);
    }

    @Test
    void aJobEnqueuedInARolledBackTransactionNeverRuns() {
        String rolledBack = newId();
        String committed = newId();

        transactions.executeWithoutResult(status -> {
            jobs.enqueue(JobRequest.now(new TestJob(rolledBack, List.of("done")), rolledBack));
            status.setRollbackOnly();
        });
        jobs.enqueue(JobRequest.now(new TestJob(committed, List.of("done")), committed));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> handler.runsOf(committed).size() == 1);
        assertThat(handler.runsOf(rolledBack)).isEmpty();
    }

    private DeadLetterView deadLetterOf(String id) {
        return jobs.deadLetters(200).stream()
                .filter(letter -> letter.dedupeKey().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static String newId() {
        return "test-" + UUID.randomUUID();
    }
}
