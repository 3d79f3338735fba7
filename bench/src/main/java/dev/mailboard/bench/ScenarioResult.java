package dev.mailboard.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario found, as written to {@code bench/results/<scenario>.json} and summarised in the
 * table. A scenario fills in what applies to it; see docs/benchmarks.md for the meaning of each field.
 */
final class ScenarioResult {

    /** Whether the scenario ran, could not run yet, or broke. */
    enum Status {
        RAN("ran"),
        NOT_RUN("not-run"),
        FAILED("failed");

        final String json;

        Status(String json) {
            this.json = json;
        }
    }

    /** One target of the brief and whether the measured value met it. */
    record Target(
            String name,
            String threshold,
            double value,
            @Nullable Boolean pass,
            String note) {}

    final String scenario;
    Status status = Status.RAN;
    String reason = "";
    final Map<String, Object> parameters = new LinkedHashMap<>();

    @Nullable
    Map<String, Object> baseline;

    @Nullable
    Map<String, Object> measured;

    @Nullable
    Double ratio;

    String ratioMeaning = "";

    @Nullable
    Map<String, Object> latencyMs;

    final List<Target> targets = new ArrayList<>();
    final Map<String, Object> details = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private final double loadAtStart = Machine.loadAverage();
    private long elapsedMillis;

    ScenarioResult(String scenario) {
        this.scenario = scenario;
    }

    void baseline(String description, double figure, String unit) {
        baseline = figure(description, figure, unit);
    }

    void measured(String description, double figure, String unit) {
        measured = figure(description, figure, unit);
    }

    void notRun(String why) {
        status = Status.NOT_RUN;
        reason = why;
    }

    void failed(String why) {
        status = Status.FAILED;
        reason = why;
    }

    void target(String name, String threshold, double value, @Nullable Boolean pass, String note) {
        targets.add(new Target(name, threshold, value, pass, note));
    }

    void elapsed(long millis) {
        elapsedMillis = millis;
    }

    static Map<String, Object> latency(double p50, double p95, double p99, double max) {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", p50);
        latency.put("p95", p95);
        latency.put("p99", p99);
        latency.put("max", max);
        return latency;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("status", status.json);
        if (!reason.isEmpty()) {
            json.put("reason", reason);
        }
        json.put("date", startedAt.toString());
        json.put("elapsedSeconds", elapsedMillis / 1000.0);
        Map<String, Object> machine = Machine.describe();
        machine.put("loadAverage1mAtStart", loadAtStart);
        json.put("machine", machine);
        json.put("parameters", parameters);
        json.put("baseline", baseline);
        json.put("measured", measured);
        json.put("ratio", ratio);
        if (!ratioMeaning.isEmpty()) {
            json.put("ratioMeaning", ratioMeaning);
        }
        json.put("latencyMs", latencyMs);
        List<Object> targetList = new ArrayList<>();
        for (Target target : targets) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", target.name());
            entry.put("threshold", target.threshold());
            entry.put("value", target.value());
            entry.put("pass", target.pass());
            if (!target.note().isEmpty()) {
                entry.put("note", target.note());
            }
            targetList.add(entry);
        }
        json.put("targets", targetList);
        json.put("details", details);
        json.put("notes", notes);
        return json;
    }

    private static Map<String, Object> figure(String description, double figure, String unit) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("description", description);
        map.put("figure", figure);
        map.put("unit", unit);
        return map;
    }
}
