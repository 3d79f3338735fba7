package dev.mailboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A Java service started by the bench as a child process: Mailboard from {@code app/target/mailboard.jar}
 * (the jar {@code ./run} starts), or the standalone sandbox. Its output goes to a log file in its own
 * temporary directory, which is deleted when it stops unless the run failed.
 */
final class MailboardProcess implements AutoCloseable {

    static final Path APP_JAR = Path.of("app/target/mailboard.jar");

    final Process process;
    final int port;
    final Path workDir;
    final long startedNanos;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private String adminPassword = "";

    private MailboardProcess(Process process, int port, Path workDir, long startedNanos) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.startedNanos = startedNanos;
    }

    /** How to start Mailboard. */
    record Options(
            @Nullable Postgres database,
            boolean bareEndpoint,
            boolean jobs,
            boolean metricsPublic,
            List<String> jvmOptions) {

        static Options embedded() {
            return new Options(null, false, true, false, List.of());
        }
    }

    /** Starts Mailboard with a fresh data directory; returns at once (see {@link #awaitReady}). */
    static MailboardProcess startMailboard(Options options) throws IOException {
        if (!Files.isRegularFile(APP_JAR)) {
            throw new IllegalStateException(APP_JAR + " is missing: build first (./bench/run does)");
        }
        Path workDir = Files.createTempDirectory("mailboard-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", APP_JAR.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("MAILBOARD_"));
        env.put("MAILBOARD_DATA_DIR", workDir.resolve("data").toString());
        String adminPassword = randomSecret();
        env.put("MAILBOARD_ADMIN_PASSWORD", adminPassword);
        if (options.database() != null) {
            Postgres db = options.database();
            env.put("MAILBOARD_DATABASE_URL", db.jdbcUrl());
            env.put("MAILBOARD_DATABASE_USER", Postgres.USER);
            command.add("--spring.flyway.schemas=" + db.schema);
        }
        if (options.bareEndpoint()) {
            command.add("--mailboard.bench.bare-endpoint=true");
        }
        if (!options.jobs()) {
            env.put("MAILBOARD_JOBS_ENABLED", "false");
        }
        if (options.metricsPublic()) {
            env.put("MAILBOARD_METRICS_PUBLIC", "true");
        }
        builder.command(command);
        MailboardProcess started = start(builder, port, workDir);
        started.adminPassword = adminPassword;
        return started;
    }

    /** The first admin's address, as Mailboard's default configuration names it. */
    static final String ADMIN_EMAIL = "admin@mailboard.local";

    /** The first admin's password (set by this process's environment), or empty for a sandbox process. */
    String adminPassword() {
        return adminPassword;
    }

    /** Starts the standalone sandbox in memory (no data directory). */
    static MailboardProcess startSandbox() throws IOException {
        Path jar = sandboxJar();
        Path workDir = Files.createTempDirectory("mailboard-bench-sandbox-");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--server.port=" + port);
        builder.environment().keySet().removeIf(key -> key.startsWith("MAILBOARD_"));
        return start(builder, port, workDir);
    }

    static Path sandboxJar() throws IOException {
        try (DirectoryStream<Path> jars =
                Files.newDirectoryStream(Path.of("sandbox/target"), "mailboard-sandbox-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("sandbox/target/mailboard-sandbox-*-exec.jar is missing: build first");
    }

    private static MailboardProcess start(ProcessBuilder builder, int port, Path workDir) throws IOException {
        builder.redirectErrorStream(true);
        builder.redirectOutput(workDir.resolve("process.log").toFile());
        builder.directory(Path.of("").toAbsolutePath().toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        return new MailboardProcess(process, port, workDir, started);
    }

    /**
     * Polls a path every 20 ms until it answers 200.
     *
     * @return nanoseconds from process start to the first 200
     */
    long awaitReady(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The process exited with " + process.exitValue() + " before serving "
                        + path + "; see " + workDir.resolve("process.log"));
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime() - startedNanos;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException(
                path + " did not answer 200 within " + timeout + "; see " + workDir.resolve("process.log"));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long residentBytes() {
        return Machine.residentBytes(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!Boolean.getBoolean("mailboard.bench.keep")) {
            deleteTree(workDir);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
