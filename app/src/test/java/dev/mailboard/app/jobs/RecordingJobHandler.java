package dev.mailboard.app.jobs;

import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobHandler;
import dev.mailboard.app.jobs.spi.JobOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A job handler for tests: records every run, and behaves as its command says. Lives in the test
 * sources only, so it joins every test context but never the service.
 */
@Component
class RecordingJobHandler implements JobHandler<RecordingJobHandler.TestJob> {

    /** What a test job does on each attempt: "done", "retry:<millis>", "fail", or "throw". */
    record TestJob(String id, List<String> script) {}

    /** One run of a test job. */
    record Run(String id, int attempt, Instant at) {}

    private final Map<String, List<Run>> runs = new ConcurrentHashMap<>();

    @Override
    public Class<TestJob> commandType() {
        return TestJob.class;
    }

    @Override
    public JobOutcome handle(TestJob command, JobAttempt attempt) {
        runs.computeIfAbsent(command.id(), id -> new CopyOnWriteArrayList<>())
                .add(new Run(command.id(), attempt.number(), Instant.now()));
        String step =
                command.script().get(Math.min(attempt.number(), command.script().size()) - 1);
        if (step.startsWith("retry:")) {
            return JobOutcome.retryAfter(Duration.ofMillis(Long.parseLong(step.substring(6))), "asked to retry");
        }
        return switch (step) {
            case "fail" -> JobOutcome.failed("asked to fail");
            case "throw" -> throw new IllegalStateException("asked to throw");
            default -> JobOutcome.done();
        };
    }

    List<Run> runsOf(String id) {
        return runs.getOrDefault(id, List.of());
    }
}
