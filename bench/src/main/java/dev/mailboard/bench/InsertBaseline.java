package dev.mailboard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The e2e baseline: the raw single-row INSERT rate of the same PostgreSQL, each INSERT its own
 * autocommitted transaction (so each pays a commit), from several threads over loopback. It is the
 * ceiling of any path that needs at least one committed write per email.
 */
final class InsertBaseline {

    private InsertBaseline() {}

    static Map<String, Object> measure(int threads, Duration warmUp, Duration duration) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Postgres db = Postgres.createSchema("insert")) {
            try (Connection connection = db.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("create table bench_row (id bigint generated always as identity primary key,"
                        + " received_at timestamp with time zone not null, subject varchar(200) not null)");
            }
            AtomicLong counter = new AtomicLong();
            long[] window = new long[2];
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + duration.toNanos();
            List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(
                        () -> {
                            try (Connection connection = db.connect();
                                    PreparedStatement insert = connection.prepareStatement(
                                            "insert into bench_row (received_at, subject) values (now(), ?)")) {
                                long i = 0;
                                while (true) {
                                    long now = System.nanoTime();
                                    if (now >= end) {
                                        return;
                                    }
                                    insert.setString(1, "Benchmark mail number " + i++);
                                    insert.executeUpdate();
                                    if (now >= measureFrom) {
                                        counter.incrementAndGet();
                                    }
                                }
                            } catch (Exception e) {
                                errors.add(e);
                            }
                        },
                        "insert-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            window[0] = counter.get();
            if (!errors.isEmpty()) {
                throw errors.get(0);
            }
            out.put("threads", threads);
            out.put("seconds", duration.toSeconds());
            out.put("inserts", window[0]);
            out.put("insertsPerSecond", window[0] / (duration.toNanos() / 1e9));
            out.put("statement", "insert into bench_row (received_at, subject) values (now(), ?), autocommit");
        }
        return out;
    }
}
