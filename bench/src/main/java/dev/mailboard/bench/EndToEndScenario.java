package dev.mailboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Email to item: mail delivered through the sandbox becomes items on a board. Targets (brief, section
 * 5): at least 1,000 emails/s at saturation, p50 under 250 ms and p99 under 1 s delivery-to-item at a
 * moderate rate. Baseline: the raw single-row INSERT rate of the same PostgreSQL, measured in the same run.
 *
 * <ol>
 *   <li>Set up the mail path as a user would ({@link MailPath}): Mailboard on PostgreSQL with its embedded
 *       sandbox (throttling off), a connected sandbox mailbox, a board, a recipe "every mail creates an
 *       item".
 *   <li>Warm up: {@value #WARM_UP} mails, wait for their items (the JIT compiler is still busy for the first
 *       few hundred, and would be measured instead of a running server), then refresh the planner's
 *       statistics ({@link Postgres#analyze()}) as autovacuum would in a database in use. Then
 *       {@value #RATE_WARM_UP_SECONDS} s at the latency rate, unmeasured: mails arriving one at a time take
 *       paths that the warm-up at full speed hardly used, and the compiler was still busy with them.
 *   <li>Latency: deliver at a constant {@value #RATE}/s for {@value #LATENCY_SECONDS} s (open loop), note
 *       each delivery's accepted time, then read the items' creation times from the database: p50/p95/p99
 *       of (item created - mail accepted). Both clocks are this machine's.
 *       The CPU the machine spent meanwhile is reported too ({@link CpuMeter}), and so are the database
 *       transactions per email, here and at saturation ({@link Postgres#transactions()}).
 *   <li>Saturation: deliver {@value #SATURATION} mails from {@value #THREADS} threads as fast as the sandbox
 *       accepts them; throughput = mails / (last item - first delivery). The sandbox's own acceptance rate
 *       is reported beside it, and so is the CPU each email cost ({@link CpuMeter}).
 *   <li>Exactly once: as many items as mails, one per subject.
 * </ol>
 */
final class EndToEndScenario implements Scenario {

    static final int WARM_UP = 1000;
    static final int RATE = 50;
    static final int RATE_WARM_UP_SECONDS = 10;
    static final int LATENCY_SECONDS = 20;
    static final int SATURATION = 3000;
    static final int THREADS = 16;

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("baselineThreads", 8);
        result.parameters.put("baselineSeconds", 5);
        result.parameters.put("warmUpMails", WARM_UP);
        result.parameters.put("latencyRatePerSecond", RATE);
        result.parameters.put("warmUpSecondsAtLatencyRate", RATE_WARM_UP_SECONDS);
        result.parameters.put("latencySeconds", LATENCY_SECONDS);
        result.parameters.put("saturationMails", SATURATION);
        result.parameters.put("deliveryThreads", THREADS);
        Map<String, Object> baseline = InsertBaseline.measure(8, Duration.ofSeconds(1), Duration.ofSeconds(5));
        double insertsPerSecond = Report.number(baseline, "insertsPerSecond");
        result.baseline(
                "raw single-row INSERT rate of the same PostgreSQL (8 threads, autocommit)",
                insertsPerSecond,
                "rows/s");
        result.details.put("insertBaseline", baseline);
        Report.progress(String.format(Locale.ROOT, "e2e baseline: %.0f single-row INSERTs/s", insertsPerSecond));
        String missing = MailPathPreconditions.missing();
        if (!missing.isEmpty()) {
            result.notRun(missing);
            result.target("emails/s at saturation", ">= 1000", Double.NaN, null, "not run");
            result.target("p50 delivery to item", "< 250 ms", Double.NaN, null, "not run");
            result.target("p99 delivery to item", "< 1 s", Double.NaN, null, "not run");
            return;
        }
        try (MailPath path = MailPath.start(name(), Profiling.jvmOptions(name()))) {
            Report.progress("e2e: mail path set up; warming up");
            deliverAll(path, "warm", WARM_UP);
            int warmed = path.awaitItems(WARM_UP, Duration.ofSeconds(120));
            if (warmed < WARM_UP) {
                result.failed("only " + warmed + " of " + WARM_UP + " warm-up mails became items within 120 s");
                return;
            }
            path.db.analyze();
            deliverAtRate(path, "rate-warm", RATE, RATE_WARM_UP_SECONDS);
            int warm = WARM_UP + RATE * RATE_WARM_UP_SECONDS;
            if (path.awaitItems(warm, Duration.ofSeconds(60)) < warm) {
                result.failed("the mails of the warm-up at " + RATE + " mails/s did not all become items within 60 s");
                return;
            }

            Report.progress("e2e: latency at " + RATE + " mails/s for " + LATENCY_SECONDS + " s");
            long transactionsBefore = path.db.transactions();
            CpuMeter latencyCpu = CpuMeter.start(path.mailboard.process.toHandle());
            Map<String, Instant> accepted = deliverAtRate(path, "rate", RATE, LATENCY_SECONDS);
            int expected = warm + accepted.size();
            int reachedAtRate = path.awaitItems(expected, Duration.ofSeconds(60));
            Map<String, Object> cpuAtRate = latencyCpu.stop(reachedAtRate - warm, "emails");
            long transactionsAtRate = path.db.transactions();
            Map<String, Object> transactionsPerEmail = new LinkedHashMap<>();
            transactionsPerEmail.put(
                    "atLatencyRate", perEmail(transactionsAtRate - transactionsBefore, reachedAtRate - warm));
            result.details.put("databaseTransactionsPerEmail", transactionsPerEmail);
            result.details.put("cpuAtLatencyRate", cpuAtRate);
            result.notes.add(String.format(
                    Locale.ROOT,
                    "At %d mails/s the machine was busy %s of the time and spent %s ms of CPU per email (Mailboard"
                            + " with its embedded sandbox %s).",
                    RATE,
                    cpuAtRate.get("machineBusyShare"),
                    cpuAtRate.get("machineCpuMsPerUnit"),
                    cpuAtRate.get("mailboardCpuMsPerUnit")));
            Map<String, Instant> created = path.itemTimes();
            List<Double> latencies = new ArrayList<>();
            for (Map.Entry<String, Instant> mail : accepted.entrySet()) {
                Instant item = created.get(mail.getKey());
                if (item != null) {
                    latencies.add(Duration.between(mail.getValue(), item).toNanos() / 1e6);
                }
            }
            Collections.sort(latencies);
            result.latencyMs = ScenarioResult.latency(
                    percentile(latencies, 50),
                    percentile(latencies, 95),
                    percentile(latencies, 99),
                    latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
            result.details.put("latencyMailsDelivered", accepted.size());
            result.details.put("latencyMailsWithItem", latencies.size());

            Report.progress("e2e: saturation with " + SATURATION + " mails");
            CpuMeter cpu = CpuMeter.start(path.mailboard.process.toHandle());
            long start = System.nanoTime();
            deliverAll(path, "sat", SATURATION);
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            int total = expected + SATURATION;
            int reached = path.awaitItems(total, Duration.ofSeconds(180));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> cpuUse = cpu.stop(reached - expected, "emails");
            transactionsPerEmail.put(
                    "atSaturation", perEmail(path.db.transactions() - transactionsAtRate, reached - expected));
            transactionsPerEmail.put(
                    "note",
                    "pg_stat_database over the phase, including the bench's own count of items every 50 ms while it"
                            + " waits for them");
            result.details.put("cpuAtSaturation", cpuUse);
            result.details.put(
                    "notificationPostsAtSaturation",
                    NotificationPosts.summarize(
                            path.mailboard.get("/sandbox/deliveries").body()));
            result.notes.add(String.format(
                    Locale.ROOT,
                    "At saturation the machine spent %s ms of CPU per email (Mailboard with its embedded sandbox %s,"
                            + " the load generator %s, PostgreSQL and the rest %s): its %d cores allow at most"
                            + " %s emails/s on this machine.",
                    cpuUse.get("machineCpuMsPerUnit"),
                    cpuUse.get("mailboardCpuMsPerUnit"),
                    cpuUse.get("loadGeneratorCpuMsPerUnit"),
                    cpuUse.get("restCpuMsPerUnit"),
                    Runtime.getRuntime().availableProcessors(),
                    cpuUse.get("machineCeilingPerSecond")));
            double throughput = (reached - expected) / seconds;
            result.measured("emails turned into items per second at saturation", throughput, "emails/s");
            result.ratio = throughput / insertsPerSecond;
            result.ratioMeaning = "emails per second through the whole path / single-row INSERTs per second";
            result.details.put("sandboxAcceptedPerSecond", SATURATION / acceptSeconds);
            result.details.put("itemsExpected", total);
            result.details.put("itemsFound", reached);
            result.details.put("distinctItemNames", path.itemTimes().size());
            result.target("emails/s at saturation", ">= 1000", throughput, throughput >= 1000, "");
            double p50 = percentile(latencies, 50);
            double p99 = percentile(latencies, 99);
            result.target("p50 delivery to item", "< 250 ms", p50, p50 < 250, "at " + RATE + " mails/s");
            result.target("p99 delivery to item", "< 1 s", p99, p99 < 1000, "at " + RATE + " mails/s");
            result.target(
                    "exactly once",
                    "items = mails",
                    reached,
                    reached == total && path.itemTimes().size() == total,
                    total + " mails");
        }
    }

    /** Delivers {@code count} mails from {@link #THREADS} threads as fast as the sandbox accepts them. */
    static void deliverAll(MailPath path, String prefix, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        path.deliver(prefix + " mail " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double perEmail(long count, int emails) {
        return emails <= 0 ? Double.NaN : Math.round(count * 100.0 / emails) / 100.0;
    }

    /** Delivers at a constant rate (open loop); answers each subject's accepted time. */
    private static Map<String, Instant> deliverAtRate(MailPath path, String prefix, int rate, int seconds)
            throws Exception {
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(THREADS);
        try {
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            int count = rate * seconds;
            List<ScheduledFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String subject = prefix + " mail " + i;
                sends.add(clock.schedule(
                        () -> {
                            path.deliver(subject);
                            accepted.put(subject, Instant.now());
                            return null;
                        },
                        periodNanos * i,
                        TimeUnit.NANOSECONDS));
            }
            for (ScheduledFuture<?> send : sends) {
                send.get();
            }
        } finally {
            clock.shutdownNow();
        }
        return accepted;
    }

    static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
