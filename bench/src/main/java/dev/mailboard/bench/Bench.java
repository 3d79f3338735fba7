package dev.mailboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark scenarios named on the command line (all of them when none is named), prints a
 * summary table and writes {@code bench/results/<scenario>.json}. Run it from the repository root, through
 * {@code ./bench/run}, which builds what is missing first. Exits 1 when a scenario failed to run (a
 * missed target is reported, not an error).
 */
public final class Bench {

    private Bench() {}

    /**
     * The entry point.
     *
     * @param args scenario names: ack, start, renewals, e2e, catch-up
     */
    public static void main(String[] args) throws Exception {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario scenario : List.of(
                new StartScenario(),
                new AckScenario(),
                new RenewalsScenario(),
                new EndToEndScenario(),
                new CatchUpScenario())) {
            all.put(scenario.name(), scenario);
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String arg : args) {
            Scenario scenario = all.get(arg.toLowerCase(Locale.ROOT));
            if (scenario == null) {
                System.err.println("Unknown scenario '" + arg + "'. Scenarios: " + String.join(", ", all.keySet()));
                System.exit(2);
                return;
            }
            chosen.add(scenario);
        }
        if (chosen.isEmpty()) {
            chosen.addAll(all.values());
        }
        Path results = Path.of(System.getProperty("mailboard.bench.results", "bench/results"));
        List<ScenarioResult> done = new ArrayList<>();
        long start = System.nanoTime();
        boolean failed = false;
        for (Scenario scenario : chosen) {
            Report.progress("== " + scenario.name());
            ScenarioResult result = new ScenarioResult(scenario.name());
            long t0 = System.nanoTime();
            try {
                scenario.run(result);
            } catch (Exception e) {
                result.failed(e.toString());
                failed = true;
            }
            result.elapsed(Duration.ofNanos(System.nanoTime() - t0).toMillis());
            Report.progress("wrote " + Report.write(results, result));
            done.add(result);
        }
        Report.table(done);
        System.out.printf(Locale.ROOT, "%nTotal: %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(failed ? 1 : 0);
    }
}
