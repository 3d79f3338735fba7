package dev.mailboard.app.mail;

import static org.awaitility.Awaitility.await;

import dev.mailboard.app.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Child processes for the crash and multi-instance tests: the standalone sandbox (its exec jar) and
 * Mailboard itself ({@code MailboardApplication} on this JVM's class path) against a PostgreSQL schema.
 * Output goes to files under {@code target/crash-tests/}; every process is killed by {@link #close()}.
 */
final class MailboardProcesses implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@crash.example.test";
    static final String ADMIN_PASSWORD = "crash-test-admin-password";
    static final String SANDBOX_CLIENT_ID = "mailboard-sandbox-app";

    private static final Path OUTPUT = Path.of("target", "crash-tests");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final String sandboxSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final String classPathFile;
    /** Numbers the output files across every test class of the run, so that none overwrites another. */
    private static final AtomicInteger LOGS = new AtomicInteger();

    private MailboardProcesses(String classPathFile) {
        this.classPathFile = classPathFile;
    }

    /**
     * Checks what the child processes need: the PostgreSQL run and the sandbox's exec jar. Missing either
     * skips on a developer machine and fails when {@code CI=true}.
     */
    static MailboardProcesses prepare() {
        Assumptions.assumeTrue(
                TestDatabase.isPostgres(),
                "the crash tests run in the PostgreSQL run (-Dmailboard.test.database=postgres)");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try (var ignored = java.sql.DriverManager.getConnection(TestDatabase.POSTGRES_URL, "postgres", "")) {
            // reachable
        } catch (java.sql.SQLException e) {
            String message = "PostgreSQL is not reachable at " + TestDatabase.POSTGRES_URL;
            if (ci) {
                Assertions.fail(message + ": CI=true, so the crash tests fail instead of skipping");
            }
            Assumptions.abort(message + ": skipping the crash tests on this machine");
        }
        if (sandboxJar().isEmpty()) {
            String message = "no sandbox/target/mailboard-sandbox-*-exec.jar: build it with ./mvnw -pl sandbox package";
            if (ci) {
                Assertions.fail(message + " (CI=true, so the crash tests fail instead of skipping)");
            }
            Assumptions.abort(message + "; skipping the crash tests on this machine");
        }
        try {
            Files.createDirectories(OUTPUT);
            Path file = OUTPUT.resolve("classpath.args");
            // An argument file keeps the long class path off the command line.
            Files.writeString(
                    file, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
            return new MailboardProcesses(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running child process and where its output goes. */
    record Child(Process process, int port, Path log) {

        String baseUrl() {
            return "http://localhost:" + port;
        }

        /** Waits until the process has ended (halted at its failpoint, or killed); answers its exit code. */
        int awaitExit(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("The process on port " + port + " did not end within " + timeout
                            + "; its output is in " + log);
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Kills the process at once (SIGKILL on Linux) and waits until it is gone. */
        void kill() {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts the standalone sandbox in memory, with quick notification retries. */
    Child startSandbox() {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx256m",
                "-jar",
                sandboxJar().orElseThrow().toString(),
                "--server.port=" + port,
                "--mailboard.sandbox.notification-retry-initial-delay=1s",
                "--mailboard.sandbox.notification-timeout=5s"));
        Child child = start(command, Map.of("MAILBOARD_SANDBOX_APP_CLIENTSECRET", sandboxSecret), port, "sandbox");
        awaitReady(child, "/sandbox/mailboxes");
        return child;
    }

    /** A fresh PostgreSQL schema name (the first Mailboard start creates and migrates it). */
    static String newSchema() {
        return "mbcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Starts Mailboard on a schema, talking to the standalone sandbox, and waits until it is ready.
     *
     * @param sandbox the sandbox process
     * @param schema the PostgreSQL schema
     * @param dataDir its data directory (keys live there: reuse it across restarts and instances)
     * @param failpoint the failpoint to arm, or null
     * @param port the port (a fixed one keeps the subscription's notification URL across restarts), 0 for any
     */
    Child startMailboard(Child sandbox, String schema, Path dataDir, @Nullable String failpoint, int port) {
        int actualPort = port == 0 ? freePort() : port;
        return startMailboard(
                sandbox, schema, dataDir, failpoint, actualPort, "http://localhost:" + actualPort, List.of());
    }

    /**
     * Starts Mailboard as {@link #startMailboard(Child, String, Path, String, int)} does, with a public URL of
     * its own (the one subscriptions are created with, e.g. a forwarder in front of several instances) and
     * extra command-line settings.
     *
     * @param port the port, not 0
     * @param publicUrl what {@code MAILBOARD_PUBLIC_URL} is set to
     * @param settings more {@code --name=value} arguments
     */
    Child startMailboard(
            Child sandbox,
            String schema,
            Path dataDir,
            @Nullable String failpoint,
            int port,
            String publicUrl,
            List<String> settings) {
        int actualPort = port;
        String sandboxBase = sandbox.baseUrl() + "/sandbox";
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx384m",
                "@" + classPathFile,
                "dev.mailboard.app.MailboardApplication",
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.create-schemas=true",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--mailboard.jobs.threads=6",
                "--mailboard.jobs.backoff-base=200ms",
                "--mailboard.mail.drain-lease=3s",
                "--mailboard.mail.drain-sweep-interval=1s",
                "--mailboard.mail.catch-up-interval=30s",
                "--logging.level.root=WARN",
                "--logging.level.dev.mailboard=INFO"));
        if (failpoint != null) {
            command.add("--mailboard.testing.failpoint=" + failpoint);
        }
        command.addAll(settings);
        Map<String, String> environment = Map.ofEntries(
                Map.entry("MAILBOARD_PORT", String.valueOf(actualPort)),
                Map.entry("MAILBOARD_PUBLIC_URL", publicUrl),
                Map.entry("MAILBOARD_DATA_DIR", dataDir.toString()),
                Map.entry("MAILBOARD_DATABASE_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema),
                Map.entry("MAILBOARD_DATABASE_USER", "postgres"),
                Map.entry("MAILBOARD_DATABASE_PASSWORD", ""),
                Map.entry("MAILBOARD_ADMIN_EMAIL", ADMIN_EMAIL),
                Map.entry("MAILBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD),
                // The standalone sandbox is the identity provider and Graph. The embedded one stays on (and
                // unused) only because a Graph base URL under /sandbox/ is refused while it is off.
                Map.entry("MAILBOARD_SANDBOX_ENABLED", "true"),
                Map.entry(
                        "MAILBOARD_SANDBOX_DATA_DIR",
                        dataDir.resolve("embedded-sandbox-" + actualPort).toString()),
                Map.entry("MAILBOARD_OAUTH_AUTHORIZATION_URI", sandboxBase + "/login/common/oauth2/v2.0/authorize"),
                Map.entry("MAILBOARD_OAUTH_TOKEN_URI", sandboxBase + "/login/common/oauth2/v2.0/token"),
                Map.entry("MAILBOARD_OAUTH_CLIENT_ID", SANDBOX_CLIENT_ID),
                Map.entry("MAILBOARD_OAUTH_CLIENT_SECRET", sandboxSecret),
                Map.entry("MAILBOARD_GRAPH_BASE_URL", sandboxBase + "/graph/v1.0"));
        Child child = start(command, environment, actualPort, "mailboard-" + actualPort);
        try {
            awaitReady(child, "/actuator/health/readiness");
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            // Entries an earlier crash left behind come back when their lease ends, so an armed failpoint may
            // be reached by them right after start, before readiness is seen: that is the crash asked for.
            if (failpoint == null
                    || child.process().isAlive()
                    || !child.output().contains("Failpoint " + failpoint + " reached")) {
                throw e;
            }
        }
        return child;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path newDataDir() {
        try {
            Files.createDirectories(OUTPUT);
            return Files.createTempDirectory(OUTPUT.toAbsolutePath(), "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.destroyForcibly();
        }
        for (Process process : started) {
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized Child start(List<String> command, Map<String, String> environment, int port, String name) {
        try {
            Path log = OUTPUT.resolve(String.format("%02d-%s.log", LOGS.incrementAndGet(), name));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(OUTPUT.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("MAILBOARD_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            started.add(process);
            return new Child(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(Child child, String path) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .failFast(
                        "the process on port " + child.port() + " ended; its output is in " + child.log(),
                        () -> !child.process().isAlive())
                .until(() -> status(URI.create(child.baseUrl() + path)) == 200);
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Optional<Path> sandboxJar() {
        Path target = Path.of(System.getProperty("user.dir"))
                .resolve("../sandbox/target")
                .normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("mailboard-sandbox-") && name.endsWith("-exec.jar");
                    })
                    .findFirst()
                    .map(Path::toAbsolutePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
