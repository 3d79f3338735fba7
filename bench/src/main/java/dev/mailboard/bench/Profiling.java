package dev.mailboard.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Optional profiling of the Mailboard child process: with {@code MAILBOARD_BENCH_JFR=true} it runs with a
 * Java Flight Recorder recording (profile settings) written to {@code bench/target/jfr/<scenario>.jfr}
 * when it stops. Read it with {@code jfr print --events jdk.ExecutionSample}.
 */
final class Profiling {

    private Profiling() {}

    static List<String> jvmOptions(String scenario) {
        if (!"true".equalsIgnoreCase(System.getenv("MAILBOARD_BENCH_JFR"))) {
            return List.of();
        }
        Path file = Path.of("bench/target/jfr", scenario + ".jfr").toAbsolutePath();
        Path.of("bench/target/jfr").toFile().mkdirs();
        return List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
    }
}
