package dev.mailboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Subscription renewals and token refreshes for 100,000 connections (one Inbox subscription each) over a
 * simulated week, with the schedule of {@link RenewalPolicy}: how evenly the calls to Microsoft spread
 * (the busiest minute against the mean), what scheduling costs, and the heap a scheduler holding every
 * connection's timers would need. Each connection's timeline is independent given the policy, so it is
 * walked on its own; a sweep every minute picks up everything due, so every event lands on the next
 * whole minute.
 *
 * <p>Two populations: "steady" (connections made at random times over the week before the measured
 * week, as in a system that has been running) and "cold" (all 100,000 connected within one hour, the
 * worst case, e.g. a bulk roll-out). The baseline is the same population with the jitter switched off.
 * Scheduling cost is also measured where it really is paid: the due-renewals query on the real
 * {@code mail_subscription} table (DDL read from migration V10) with 100,000 rows in PostgreSQL.
 */
final class RenewalsScenario implements Scenario {

    private static final int CONNECTIONS = Integer.getInteger("mailboard.bench.renewals.connections", 100_000);
    private static final long MINUTE = 60_000;
    private static final int WEEK_MINUTES = 7 * 24 * 60;
    private static final Duration LIFETIME = Duration.ofMinutes(4230);
    private static final long SEED = 42;
    private static final Path MIGRATION = Path.of("app/src/main/resources/db/migration/V10__mail_watches.sql");

    @Override
    public String name() {
        return "renewals";
    }

    /** Events per minute over the measured week. */
    record Schedule(int[] renewals, int[] refreshes, long events, long nanos) {

        static double maxOverMean(int[] perMinute) {
            long total = 0;
            int max = 0;
            for (int count : perMinute) {
                total += count;
                max = Math.max(max, count);
            }
            return total == 0 ? 0 : max / ((double) total / perMinute.length);
        }

        static Map<String, Object> describe(int[] perMinute) {
            long total = 0;
            int max = 0;
            for (int count : perMinute) {
                total += count;
                max = Math.max(max, count);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("total", total);
            map.put("meanPerMinute", (double) total / perMinute.length);
            map.put("maxPerMinute", max);
            map.put("maxOverMean", maxOverMean(perMinute));
            return map;
        }

        int[] combined() {
            int[] sum = new int[renewals.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = renewals[i] + refreshes[i];
            }
            return sum;
        }
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("connections", CONNECTIONS);
        result.parameters.put("subscriptionsPerConnection", 1);
        result.parameters.put("simulatedDays", 7);
        result.parameters.put("subscriptionLifetimeMinutes", LIFETIME.toMinutes());
        result.parameters.put("tokenLifetimeMinutes", "uniform 60-90");
        result.parameters.put("refreshMarginMinutes", RenewalPolicy.REFRESH_MARGIN.toMinutes());
        result.parameters.put("policy", RenewalPolicy.DESCRIPTION);
        result.parameters.put("seed", SEED);
        result.parameters.put("benchHeapLimit", Runtime.getRuntime().maxMemory());

        Schedule steady = simulate(CONNECTIONS, false, true);
        Schedule steadyNoJitter = simulate(CONNECTIONS, false, false);
        Schedule cold = simulate(CONNECTIONS, true, true);
        Schedule coldNoJitter = simulate(CONNECTIONS, true, false);
        result.details.put("steady", describe(steady));
        result.details.put("steadyWithoutJitter", describe(steadyNoJitter));
        result.details.put("coldStart", describe(cold));
        result.details.put("coldStartWithoutJitter", describe(coldNoJitter));
        Map<String, Object> scaling = new LinkedHashMap<>();
        for (int n : new int[] {CONNECTIONS / 4, CONNECTIONS / 2, CONNECTIONS}) {
            Schedule s = simulate(n, false, true);
            scaling.put(Integer.toString(n), s.events / (WEEK_MINUTES / 60.0));
        }
        result.details.put("callsPerHourByConnections", scaling);
        double perEventNanos = (double) steady.nanos / Math.max(1, steady.events);
        result.details.put("simulationNanosPerScheduledEvent", perEventNanos);

        double renewalsBunching = Schedule.maxOverMean(steady.renewals);
        double refreshBunching = Schedule.maxOverMean(steady.refreshes);
        double renewalsNoJitter = Schedule.maxOverMean(steadyNoJitter.renewals);
        result.measured(
                "subscription renewals per minute, busiest minute / mean, steady state, policy with jitter",
                renewalsBunching,
                "max/mean");
        result.baseline("the same population with the jitter switched off", renewalsNoJitter, "max/mean");
        result.ratio = renewalsBunching / renewalsNoJitter;
        result.ratioMeaning = "bunching with jitter / bunching without (steady state; see details.coldStart for"
                + " the case jitter is for)";
        Report.progress(String.format(
                java.util.Locale.ROOT,
                "renewals: steady max/mean renewals %.2f, refreshes %.2f; cold start renewals %.2f",
                renewalsBunching,
                refreshBunching,
                Schedule.maxOverMean(cold.renewals)));

        long heap = heapFor(CONNECTIONS);
        result.details.put("heapBytesFor100kTimers", heap);
        result.details.put(
                "heapModel",
                "one record per connection: connection UUID, subscription id (36 chars), 32-byte clientState"
                        + " hash, subscription expiry, renew_at, token expiry (Instants), in an ArrayList;"
                        + " measured as heap used after GC with and without them");

        Map<String, Object> query = dueQueryCost(steady);
        result.details.put("dueRenewalsQuery", query);
        result.latencyMs = castLatency(java.util.Objects.requireNonNull(query.get("latencyMs")));

        result.target("renewals max/mean per minute (steady)", "<= 2.0", renewalsBunching, renewalsBunching <= 2.0, "");
        result.target("refreshes max/mean per minute (steady)", "<= 2.0", refreshBunching, refreshBunching <= 2.0, "");
        result.target(
                "heap for 100,000 connections' timers",
                "< 1 GiB",
                heap / (1024.0 * 1024.0 * 1024.0),
                heap < 1024L * 1024 * 1024,
                "GiB; the bench itself runs with -Xmx1g");
        result.notes.add("Cold start (everyone connected within one hour) is not a target: its first renewal wave is"
                + " spread over the jitter window only; see details.coldStart.");
        result.notes.add("The app keeps these timers in the database, not in memory; the heap figure bounds a"
                + " scheduler that would cache all of them.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castLatency(Object latency) {
        return (Map<String, Object>) latency;
    }

    private static Map<String, Object> describe(Schedule schedule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("renewals", Schedule.describe(schedule.renewals));
        map.put("refreshes", Schedule.describe(schedule.refreshes));
        map.put("combined", Schedule.describe(schedule.combined()));
        return map;
    }

    /** Walks every connection's timeline from its creation to the end of the measured week. */
    static Schedule simulate(int connections, boolean coldStart, boolean jitter) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] renewals = new int[WEEK_MINUTES];
        int[] refreshes = new int[WEEK_MINUTES];
        long end = WEEK_MINUTES * MINUTE;
        long events = 0;
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            long created = coldStart ? random.nextLong(60 * MINUTE) : -random.nextLong(WEEK_MINUTES * MINUTE);
            Instant renewedAt = Instant.ofEpochMilli(created);
            while (true) {
                Instant expires = renewedAt.plus(LIFETIME);
                Instant due = RenewalPolicy.renewAt(renewedAt, expires, jitter ? random.nextDouble() : 0);
                long minute = ceilMinute(due.toEpochMilli());
                events++;
                if (minute * MINUTE >= end) {
                    break;
                }
                if (minute >= 0) {
                    renewals[(int) minute]++;
                }
                renewedAt = Instant.ofEpochMilli(minute * MINUTE);
            }
            long tokenFrom = created;
            while (true) {
                Instant tokenExpires = Instant.ofEpochMilli(tokenFrom + (60 + random.nextLong(31)) * MINUTE);
                long minute = ceilMinute(RenewalPolicy.refreshAt(tokenExpires).toEpochMilli());
                events++;
                if (minute * MINUTE >= end) {
                    break;
                }
                if (minute >= 0) {
                    refreshes[(int) minute]++;
                }
                tokenFrom = minute * MINUTE;
            }
        }
        return new Schedule(renewals, refreshes, events, System.nanoTime() - start);
    }

    private static long ceilMinute(long millis) {
        return Math.floorDiv(millis + MINUTE - 1, MINUTE);
    }

    /** One connection's timers as a scheduler holding them all in memory would keep them. */
    record Timers(
            UUID connectionId,
            String subscriptionId,
            byte[] clientStateHash,
            Instant subscriptionExpiresAt,
            Instant renewAt,
            Instant tokenExpiresAt) {}

    private static long heapFor(int connections) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        SplittableRandom random = new SplittableRandom(SEED);
        List<Timers> timers = new ArrayList<>(connections);
        Instant now = Instant.now();
        for (int i = 0; i < connections; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Instant expires = now.plus(LIFETIME).minusSeconds(random.nextLong(86_400));
            timers.add(new Timers(
                    new UUID(random.nextLong(), random.nextLong()),
                    new UUID(random.nextLong(), random.nextLong()).toString(),
                    hash,
                    expires,
                    RenewalPolicy.renewAt(expires.minus(LIFETIME), expires, random.nextDouble()),
                    now.plusSeconds(random.nextLong(5400))));
        }
        memory.gc();
        memory.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(timers);
        return Math.max(0, after - before);
    }

    /**
     * Fills the real {@code mail_subscription} table with one row per connection (renew_at from the steady
     * simulation's next renewal) and times the query a once-a-minute sweep would run for 300 minutes of
     * the week.
     */
    private static Map<String, Object> dueQueryCost(Schedule steady) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        String ddl = Files.readString(MIGRATION);
        Instant origin = Instant.parse("2030-01-06T00:00:00Z");
        SplittableRandom random = new SplittableRandom(SEED + 1);
        try (Postgres db = Postgres.createSchema("renewals");
                Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                // comments first: one of them holds a semicolon
                for (String part : ddl.replaceAll("--[^\\n]*", "").split(";")) {
                    if (!part.isBlank()) {
                        statement.execute(part);
                    }
                }
            }
            long loadStart = System.nanoTime();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into mail_subscription"
                    + " (id, connection_id, client_state_hash, expires_at, renew_at, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < CONNECTIONS; i++) {
                    long renewMinute =
                            random.nextLong((long) (LIFETIME.toMinutes() * (0.5 + RenewalPolicy.JITTER_FRACTION)));
                    Instant renewAt = origin.plusSeconds(renewMinute * 60);
                    byte[] hash = new byte[32];
                    random.nextBytes(hash);
                    insert.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
                    insert.setObject(2, new UUID(random.nextLong(), random.nextLong()));
                    insert.setBytes(3, hash);
                    insert.setTimestamp(4, Timestamp.from(renewAt.plus(LIFETIME.dividedBy(2))));
                    insert.setTimestamp(5, Timestamp.from(renewAt));
                    insert.setTimestamp(6, Timestamp.from(renewAt.minus(LIFETIME.dividedBy(2))));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze mail_subscription");
            }
            out.put("rows", CONNECTIONS);
            out.put("loadSeconds", (System.nanoTime() - loadStart) / 1e9);
            out.put(
                    "query",
                    "select id, connection_id, expires_at from mail_subscription"
                            + " where renew_at > ? and renew_at <= ? order by renew_at limit 1000");
            Histogram latency = new Histogram(60_000_000L, 3);
            long rowsSeen = 0;
            int samples = 300;
            try (PreparedStatement due = connection.prepareStatement("select id, connection_id, expires_at"
                    + " from mail_subscription where renew_at > ? and renew_at <= ? order by renew_at limit 1000")) {
                for (int i = 0; i < samples + 20; i++) {
                    Instant minute = origin.plusSeconds(60 * random.nextLong(LIFETIME.toMinutes()));
                    long t0 = System.nanoTime();
                    due.setTimestamp(1, Timestamp.from(minute.minusSeconds(60)));
                    due.setTimestamp(2, Timestamp.from(minute));
                    long rows = 0;
                    try (ResultSet rs = due.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    if (i >= 20) {
                        latency.recordValue((System.nanoTime() - t0) / 1000);
                        rowsSeen += rows;
                    }
                }
            }
            out.put("samples", samples);
            out.put("meanRowsPerMinute", (double) rowsSeen / samples);
            out.put(
                    "latencyMs",
                    ScenarioResult.latency(
                            latency.getValueAtPercentile(50) / 1000.0,
                            latency.getValueAtPercentile(95) / 1000.0,
                            latency.getValueAtPercentile(99) / 1000.0,
                            latency.getMaxValue() / 1000.0));
        }
        out.put(
                "steadyRenewalsPerMinuteSimulated",
                Schedule.describe(steady.renewals).get("meanPerMinute"));
        return out;
    }
}
