package dev.mailboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Catch-up: with every notification dropped, N emails are delivered; how long until every item exists,
 * relative to the catch-up (delta sync) interval. Target (brief, section 5): every item within one delta
 * interval plus one minute.
 *
 * <ol>
 *   <li>Set up as the e2e scenario ({@link MailPath}), with the catch-up interval shortened to
 *       {@value #INTERVAL_SECONDS} s by its setting so that the run stays short.
 *   <li>Drop every notification: {@code PUT /sandbox/faults {"dropNotifications": 1.0}}.
 *   <li>Deliver {@value #MAILS} mails; note the time of the last one.
 *   <li>Wait until that many items exist, or the interval plus two minutes pass; report the time from the
 *       last delivery to the last item, divided by the interval, and the count (none lost, none twice).
 * </ol>
 */
final class CatchUpScenario implements Scenario {

    static final int MAILS = 300;
    static final int INTERVAL_SECONDS = 60;

    @Override
    public String name() {
        return "catch-up";
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("emails", MAILS);
        result.parameters.put("notificationsDropped", 1.0);
        result.parameters.put("catchUpIntervalSeconds", INTERVAL_SECONDS);
        String missing = MailPathPreconditions.missing();
        if (!missing.isEmpty()) {
            result.notRun(missing);
            result.target("time to every item", "<= catch-up interval + 1 min", Double.NaN, null, "not run");
            return;
        }
        List<String> options = new ArrayList<>(Profiling.jvmOptions(name()));
        options.add("-Dmailboard.mail.catch-up-interval=" + INTERVAL_SECONDS + "s");
        try (MailPath path = MailPath.start(name(), options)) {
            path.faults("{\"dropNotifications\":1.0}");
            Report.progress("catch-up: delivering " + MAILS + " mails with every notification dropped");
            EndToEndScenario.deliverAll(path, "lost", MAILS);
            long lastDelivery = System.nanoTime();
            Duration limit = Duration.ofSeconds(INTERVAL_SECONDS + 120L);
            int found = path.awaitItems(MAILS, limit);
            double seconds = (System.nanoTime() - lastDelivery) / 1e9;
            int distinct = path.itemTimes().size();
            result.baseline("catch-up interval", INTERVAL_SECONDS, "s");
            result.measured("time from the last delivery to the last item", seconds, "s");
            result.ratio = seconds / INTERVAL_SECONDS;
            result.ratioMeaning = "time to every item / catch-up interval";
            result.details.put("itemsFound", found);
            result.details.put("distinctItemNames", distinct);
            boolean complete = found == MAILS && distinct == MAILS;
            result.target(
                    "time to every item",
                    "<= catch-up interval + 1 min",
                    seconds,
                    complete && seconds <= INTERVAL_SECONDS + 60,
                    found + " of " + MAILS + " items, " + distinct + " distinct");
        }
    }
}
