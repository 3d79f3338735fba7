package dev.mailboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Start-up: time from launching {@code java -jar app/target/mailboard.jar} (as {@code ./run} does) on its
 * embedded defaults (H2, generated keyset, embedded sandbox, a fresh temporary data directory, so the
 * first-start work of migrations, keyset and admin is included) until {@code GET /login} answers 200, and
 * the resident memory a few seconds later.
 *
 * <p>Baseline, measured in the same run: the standalone sandbox jar started the same way until
 * {@code GET /sandbox} answers 200. It is a Spring Boot web application on the same stack (Boot, Tomcat,
 * Jackson) with a small fraction of Mailboard's beans and no database, so the ratio says what Mailboard's
 * own start-up work costs on top of the framework. A bare {@code java -version} is recorded too, as the
 * floor of any JVM start on this machine.
 */
final class StartScenario implements Scenario {

    private final int repeats = Integer.getInteger("mailboard.bench.start.repeats", 2);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("repeats", repeats);
        result.parameters.put("settings", "embedded defaults: H2, local keyset, embedded sandbox, fresh data dir");
        result.parameters.put("jvmOptions", "none (the JVM's defaults, as ./run)");
        result.parameters.put("rssReadAfterSeconds", SETTLE.toSeconds());
        List<Double> jvmFloor = new ArrayList<>();
        List<Double> mailboardSeconds = new ArrayList<>();
        List<Double> sandboxSeconds = new ArrayList<>();
        List<Double> mailboardRss = new ArrayList<>();
        List<Double> sandboxRss = new ArrayList<>();
        List<String> springReports = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            jvmFloor.add(javaVersionSeconds());
            try (MailboardProcess sandbox = MailboardProcess.startSandbox()) {
                sandboxSeconds.add(sandbox.awaitReady("/sandbox", Duration.ofMinutes(3)) / 1e9);
                sandboxRss.add(rssAfterSettle(sandbox));
            }
            try (MailboardProcess mailboard = MailboardProcess.startMailboard(MailboardProcess.Options.embedded())) {
                mailboardSeconds.add(mailboard.awaitReady("/login", Duration.ofMinutes(3)) / 1e9);
                mailboardRss.add(rssAfterSettle(mailboard));
                springReports.add(springReport(mailboard));
            }
            Report.progress(String.format(
                    java.util.Locale.ROOT,
                    "start #%d: mailboard %.1f s, sandbox %.1f s, java -version %.2f s",
                    i + 1,
                    mailboardSeconds.get(i),
                    sandboxSeconds.get(i),
                    jvmFloor.get(i)));
        }
        double mailboard = median(mailboardSeconds);
        double sandbox = median(sandboxSeconds);
        result.measured("Mailboard: process start to GET /login 200 (median)", mailboard, "s");
        result.baseline("standalone sandbox: process start to GET /sandbox 200 (median)", sandbox, "s");
        result.ratio = mailboard / sandbox;
        result.ratioMeaning = "Mailboard start / sandbox start";
        Map<String, Object> runs = new LinkedHashMap<>();
        runs.put("mailboardSeconds", mailboardSeconds);
        runs.put("sandboxSeconds", sandboxSeconds);
        runs.put("javaVersionSeconds", jvmFloor);
        runs.put("mailboardRssMiB", mailboardRss);
        runs.put("sandboxRssMiB", sandboxRss);
        runs.put("mailboardSpringStartedLine", springReports);
        result.details.put("runs", runs);
        result.details.put("mailboardRssMiB", median(mailboardRss));
        result.details.put("sandboxRssMiB", median(sandboxRss));
        result.details.put("javaVersionSeconds", median(jvmFloor));
        result.notes.add("No start-up target is set by the brief; the figures are recorded for comparison over time.");
        result.notes.add("RSS depends on the JVM's default heap sizing (a quarter of the machine's memory at most)"
                + " and on garbage not yet collected; it is not the heap Mailboard needs.");
    }

    /** Spring Boot's own "Started ... in X seconds (process running for Y)", to split JVM from context time. */
    private static String springReport(MailboardProcess process) {
        try {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
                            "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)")
                    .matcher(java.nio.file.Files.readString(process.workDir.resolve("process.log")));
            return matcher.find()
                    ? "context " + matcher.group(1) + " s of " + matcher.group(2) + " s since JVM start"
                    : "not found";
        } catch (java.io.IOException e) {
            return "log unreadable";
        }
    }

    private static double rssAfterSettle(MailboardProcess process) {
        LockSupport.parkNanos(SETTLE.toNanos());
        return process.residentBytes() / (1024.0 * 1024.0);
    }

    private static double javaVersionSeconds() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(MailboardProcess.javaBinary(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
