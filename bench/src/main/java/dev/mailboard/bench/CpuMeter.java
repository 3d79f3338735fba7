package dev.mailboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU spent over one phase of a scenario: by the process under test (Mailboard with its embedded sandbox),
 * by the bench itself (the load generator) and by the whole machine (from {@code /proc/stat}; the rest is
 * PostgreSQL and everything else). Divided by the work done, it says what one unit of work costs and so how
 * many units the machine's cores could do at most.
 */
final class CpuMeter {

    private final ProcessHandle process;
    private final long startNanos;
    private final Duration processStart;
    private final Duration benchStart;
    private final long[] machineStart;

    private CpuMeter(ProcessHandle process) {
        this.process = process;
        this.startNanos = System.nanoTime();
        this.processStart = cpu(process);
        this.benchStart = cpu(ProcessHandle.current());
        this.machineStart = machineTicks();
    }

    static CpuMeter start(ProcessHandle process) {
        return new CpuMeter(process);
    }

    /** The CPU used since {@link #start}, in all and per unit of work; empty figures where /proc is missing. */
    Map<String, Object> stop(int units, String unit) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double processSeconds = seconds(cpu(process).minus(processStart));
        double benchSeconds = seconds(cpu(ProcessHandle.current()).minus(benchStart));
        long[] machineEnd = machineTicks();
        long busy = machineEnd[0] - machineStart[0];
        long total = machineEnd[1] - machineStart[1];
        int cores = Runtime.getRuntime().availableProcessors();
        double machineSeconds = total <= 0 ? Double.NaN : (double) busy / total * cores * wall;
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("wallSeconds", round(wall));
        use.put("units", units + " " + unit);
        use.put("machineBusyShare", round(machineSeconds / (cores * wall)));
        use.put("machineCpuMsPerUnit", round(machineSeconds * 1000 / units));
        use.put("mailboardCpuMsPerUnit", round(processSeconds * 1000 / units));
        use.put("loadGeneratorCpuMsPerUnit", round(benchSeconds * 1000 / units));
        use.put("restCpuMsPerUnit", round((machineSeconds - processSeconds - benchSeconds) * 1000 / units));
        use.put("machineCeilingPerSecond", round(cores * units / machineSeconds));
        return use;
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Busy and total ticks of all cores since boot, from the first line of {@code /proc/stat}. */
    private static long[] machineTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
