package dev.mailboard.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test context a database of its own: an in-memory H2 database by default, or a fresh
 * schema in the local PostgreSQL (127.0.0.1:5432, database {@code test}) when the system property
 * {@code mailboard.test.database=postgres} is set, as the build's {@code postgres} test run does.
 *
 * <p>When PostgreSQL is wanted but not reachable, the tests are skipped with a message on a developer
 * machine, and fail when {@code CI=true}.
 */
public final class TestDatabase
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

    /** The JDBC URL of the local PostgreSQL, overridable with {@code MAILBOARD_TEST_POSTGRES_URL}. */
    public static final String POSTGRES_URL =
            System.getenv().getOrDefault("MAILBOARD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private static final String POSTGRES_USER =
            System.getenv().getOrDefault("MAILBOARD_TEST_POSTGRES_USER", "postgres");
    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "drop-test-schemas"));
    }

    /**
     * Whether this run uses PostgreSQL rather than H2.
     *
     * @return true in the {@code postgres} test run
     */
    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("mailboard.test.database", "h2"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgres()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + POSTGRES_URL);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": CI=true, so the PostgreSQL run fails instead of skipping");
            }
            return ConditionEvaluationResult.disabled(message + ": skipping the PostgreSQL run on this machine");
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "mb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dataDir = tempDataDir(name);
        TestPropertyValues common = TestPropertyValues.of(
                "mailboard.data-dir=" + dataDir,
                "mailboard.accounts.admin-email=" + MailboardIntegrationTest.ADMIN_EMAIL,
                "mailboard.accounts.admin-password=" + MailboardIntegrationTest.ADMIN_PASSWORD,
                "spring.datasource.hikari.maximum-pool-size=12",
                "mailboard.jobs.max-attempts=3",
                "mailboard.jobs.backoff-base=50ms",
                "mailboard.jobs.threads=8",
                // the send-email recipe tests mail customers there (S-55's allowlist)
                "mailboard.recipes.recipient-domains=outside.example",
                "logging.level.root=WARN",
                "logging.level.dev.mailboard=INFO");
        if (isPostgres()) {
            SCHEMAS.add(name);
            common.and(
                            "spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + name,
                            "spring.datasource.username=" + POSTGRES_USER,
                            "spring.datasource.password=",
                            "spring.flyway.schemas=" + name,
                            "spring.flyway.create-schemas=true")
                    .applyTo(context);
        } else {
            common.and(
                            "spring.datasource.url=jdbc:h2:mem:" + name
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                            "spring.datasource.username=sa",
                            "spring.datasource.password=")
                    .applyTo(context);
        }
    }

    private static Path tempDataDir(String name) {
        try {
            return Files.createTempDirectory("mailboard-test-" + name.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropSchemas() {
        if (SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        } catch (SQLException e) {
            // Left-over test schemas are harmless; nothing to report at JVM exit.
        }
    }
}
