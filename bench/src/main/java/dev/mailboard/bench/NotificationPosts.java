package dev.mailboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A summary of the sandbox's recent notification POSTs to Mailboard ({@code GET /sandbox/deliveries}, the
 * last 500): how many notifications each carried, how long Mailboard took to answer, and what became of
 * them. It tells whether mail waited in the sandbox (slow answers, delayed or retried batches) or in
 * Mailboard.
 */
final class NotificationPosts {

    private static final Pattern ENTRY = Pattern.compile(
            "\"count\"\\s*:\\s*(\\d+).*?\"durationMs\"\\s*:\\s*(\\d+)\\s*,\\s*\"outcome\"\\s*:\\s*\"([^\"]*)\"");

    private NotificationPosts() {}

    static Map<String, Object> summarize(String deliveriesJson) {
        List<Double> durations = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int notifications = 0;
        int most = 0;
        Matcher entry = ENTRY.matcher(deliveriesJson);
        while (entry.find()) {
            int count = Integer.parseInt(entry.group(1));
            notifications += count;
            most = Math.max(most, count);
            durations.add(Double.parseDouble(entry.group(2)));
            outcomes.merge(entry.group(3), 1, Integer::sum);
        }
        Collections.sort(durations);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("posts", durations.size());
        summary.put("notifications", notifications);
        summary.put(
                "notificationsPerPostMean",
                durations.isEmpty() ? Double.NaN : (double) notifications / durations.size());
        summary.put("notificationsPerPostMax", most);
        summary.put("answerMsP50", EndToEndScenario.percentile(durations, 50));
        summary.put("answerMsP99", EndToEndScenario.percentile(durations, 99));
        summary.put("outcomes", outcomes);
        return summary;
    }
}
