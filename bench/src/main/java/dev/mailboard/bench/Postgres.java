package dev.mailboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The local PostgreSQL the benchmarks use: database {@code test} at 127.0.0.1:5432 with trust
 * authentication, as the test suite uses it (overridable with {@code MAILBOARD_BENCH_POSTGRES_URL} and
 * {@code MAILBOARD_BENCH_POSTGRES_USER}). Each scenario works in a schema of its own that it creates and
 * drops, so nothing is left behind and nothing else in the database is touched.
 */
final class Postgres implements AutoCloseable {

    static final String URL =
            System.getenv().getOrDefault("MAILBOARD_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("MAILBOARD_BENCH_POSTGRES_USER", "postgres");

    private static final long STATS_DELAY_MILLIS = 1500;

    final String schema;

    private Postgres(String schema) {
        this.schema = schema;
    }

    /** Creates a fresh schema named {@code bench_<scenario>_<random>}. */
    static Postgres createSchema(String scenario) throws SQLException {
        String schema = ("bench_" + scenario.replace('-', '_') + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        return new Postgres(schema);
    }

    /** A connection to the benchmark database whose search path is the scenario's schema. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** The JDBC URL Mailboard is given: the same database, with this schema as its current schema. */
    String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Refreshes the planner's statistics of every table in the schema, as autovacuum does within a minute of
     * a table's growth. A scenario's schema is minutes old: without this, plans made while its tables were
     * empty (a sequential scan is cheapest on an empty table) would be measured instead of Mailboard.
     */
    void analyze() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows =
                    statement.executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("analyze \"" + table + "\"");
            }
        }
    }

    /**
     * Transactions the benchmark database has finished so far, committed or rolled back
     * ({@code pg_stat_database}), after waiting {@value #STATS_DELAY_MILLIS} ms: each backend reports its
     * counts at most once a second, so a difference taken this way over a phase of many seconds misses
     * nothing of it.
     */
    long transactions() throws SQLException {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(STATS_DELAY_MILLIS));
        try (Connection connection = admin();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
                        + " where datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    static Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    @Override
    public void close() throws SQLException {
        if (Boolean.getBoolean("mailboard.bench.keep")) {
            Report.progress("kept schema " + schema + " (drop it with: drop schema " + schema + " cascade)");
            return;
        }
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
