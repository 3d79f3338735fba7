package dev.mailboard.app.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.mailboard.app.jobs.spi.RecurringJob;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owns db-scheduler: one task that runs every enqueued job through {@link JobRunner}, one recurring
 * task per {@link RecurringJob}, started after the application context and stopped (finishing running
 * jobs, up to a limit) at shutdown.
 */
@Component
class JobScheduler implements SmartLifecycle {

    static final String JOB_TASK = "mailboard-job";
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final Scheduler scheduler;
    /**
     * A job whose instance died is taken back once this many heartbeats are missed: 10 s x 6, so a crashed
     * send or fetch resumes about a minute later on another instance or after the restart.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    static final int MISSED_HEARTBEATS = 6;

    private final CustomTask<JobEnvelope> jobTask;
    private final boolean enabled;
    private volatile boolean running;

    JobScheduler(
            DataSource dataSource,
            JobsProperties properties,
            JobHandlers handlers,
            List<RecurringJob> recurringJobs,
            JsonMapper json,
            DeadLetterRepository deadLetters,
            Clock clock) {
        Backoff backoff = new Backoff(properties.backoffBase(), properties.backoffCap(), new SecureRandom());
        JobRunner runner = new JobRunner(handlers, json, deadLetters, backoff, properties.maxAttempts(), clock);
        this.jobTask = Tasks.custom(JOB_TASK, JobEnvelope.class)
                .onDeadExecutionRevive()
                .execute(runner);
        List<Task<?>> tasks = new ArrayList<>();
        tasks.add(jobTask);
        List<RecurringTask<Void>> recurring =
                recurringJobs.stream().map(JobScheduler::recurring).toList();
        // startTasks(...) registers the recurring tasks as known tasks too: adding them here as well makes
        // db-scheduler fail with a duplicate task name.
        this.enabled = properties.enabled();
        // Enqueuing joins the caller's transaction through the proxy, so a job exists only if the work that
        // asked for it committed.
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .startTasks(recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval());
        // Lock-and-fetch (SELECT ... FOR UPDATE SKIP LOCKED) is the fast, cluster-safe claim on PostgreSQL;
        // the embedded H2 database serves one instance and uses the plain fetch strategy.
        if (isPostgres(dataSource)) {
            builder.pollUsingLockAndFetch(0.5, 3.0);
        } else {
            builder.pollUsingFetch(0.5, 3.0);
        }
        this.scheduler = builder.enableImmediateExecution()
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    SchedulerClient client() {
        return scheduler;
    }

    CustomTask<JobEnvelope> jobTask() {
        return jobTask;
    }

    /** Wakes the local workers once freshly committed jobs are due. */
    void wake() {
        if (running) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        if (enabled) {
            scheduler.start();
            running = true;
        } else {
            log.info("Job execution is switched off on this instance (mailboard.jobs.enabled=false)");
        }
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the web server (so handlers can call it), stop before it.
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to set up the job engine", e);
        }
    }

    private static RecurringTask<Void> recurring(RecurringJob job) {
        return Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                .execute((instance, context) -> runSafely(job));
    }

    private static void runSafely(RecurringJob job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("Recurring job {} failed: {}", job.name(), e.toString());
        }
    }
}
