package dev.mailboard.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Progress lines while the bench runs, the summary table at the end, and the JSON files. */
final class Report {

    private static final PrintStream OUT = System.out;

    private Report() {}

    static void progress(String line) {
        OUT.println("  " + line);
        OUT.flush();
    }

    static Path write(Path directory, ScenarioResult result) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(result.scenario + ".json");
        Files.writeString(file, Json.write(result.toJson()), StandardCharsets.UTF_8);
        return file;
    }

    static void table(List<ScenarioResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "status", "measured", "baseline", "ratio", "p50/p99 ms", "targets"});
        for (ScenarioResult r : results) {
            rows.add(new String[] {
                r.scenario,
                r.status.json,
                figure(r.measured),
                figure(r.baseline),
                r.ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio),
                r.latencyMs == null
                        ? "-"
                        : String.format(
                                Locale.ROOT, "%.1f / %.1f", number(r.latencyMs, "p50"), number(r.latencyMs, "p99")),
                targets(r)
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], Math.min(row[i].length(), 60));
            }
        }
        OUT.println();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                line.append(i == 0 ? "| " : " | ").append(pad(cell, widths[i]));
            }
            OUT.println(line.append(" |"));
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "|-" : "-|-").append("-".repeat(widths[i]));
                }
                OUT.println(rule.append("-|"));
            }
        }
        for (ScenarioResult r : results) {
            if (!r.reason.isEmpty()) {
                OUT.println(r.scenario + ": " + r.reason);
            }
            for (String note : r.notes) {
                if (note.startsWith("NOT DURABLE")) {
                    OUT.println(r.scenario + ": " + note);
                }
            }
        }
        OUT.flush();
    }

    /** A number from a result map, NaN when absent. */
    static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static String pad(String text, int width) {
        String cell = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return cell + " ".repeat(Math.max(0, width - cell.length()));
    }

    private static String figure(@Nullable Map<String, Object> figure) {
        if (figure == null) {
            return "-";
        }
        double value = number(figure, "figure");
        String unit = String.valueOf(figure.get("unit"));
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.2f %s", value, unit);
    }

    private static String targets(ScenarioResult r) {
        if (r.targets.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (ScenarioResult.Target t : r.targets) {
            String verdict = t.pass() == null ? "n/a" : t.pass() ? "pass" : "FAIL";
            parts.add(verdict + (t.note().startsWith("not durable") ? "*" : ""));
        }
        return String.join(", ", parts) + (parts.stream().anyMatch(p -> p.endsWith("*")) ? " (*not durable)" : "");
    }
}
