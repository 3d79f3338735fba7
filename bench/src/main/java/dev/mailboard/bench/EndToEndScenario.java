package dev.mailboard.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Email to item: mail delivered through the sandbox becomes items on a board. Targets (brief, section
 * 5): at least 1,000 emails/s at saturation, p50 under 250 ms and p99 under 1 s delivery-to-item at a
 * moderate rate. Baseline: the raw single-row INSERT rate of the same PostgreSQL, measured now, since it
 * needs nothing from the mail path.
 *
 * <p>Until the recipes API exists ({@link MailPathPreconditions}) the scenario records {@code not-run}
 * with the reason, and still reports the baseline. The steps, to implement when ingest and recipes land:
 *
 * <ol>
 *   <li>Start Mailboard on PostgreSQL (own schema) with the embedded sandbox, jobs on, sandbox throttling
 *       off ({@code --mailboard.sandbox.throttle.enabled=false}), and a known admin password.
 *   <li>Create a sandbox mailbox: {@code POST /sandbox/mailboxes {"address","displayName"}}.
 *   <li>Sign in (form login with the page's CSRF token), create an API token, create a board
 *       ({@code POST /api/v1/boards}) and connect the mailbox: start the connect flow from the
 *       Integrations page and accept the sandbox consent page (its form POST), as the browser tests do.
 *   <li>Create a recipe "every Inbox mail creates an item in the board, subject to name"
 *       ({@code POST /api/v1/recipes}) and switch it on; wait for the subscription to exist
 *       ({@code GET /sandbox/subscriptions}).
 *   <li>Warm up: deliver 500 mails and wait for 500 items.
 *   <li>Saturation: deliver N = 20,000 mails as fast as 16 client threads can
 *       ({@code POST /sandbox/mailboxes/{address}/messages}, subject {@code bench <run> <i>}), poll
 *       {@code GET /api/v1/boards/{id}/items} (its total) until N items exist or 120 s pass. Throughput =
 *       N / (last item time - first delivery time). Report the sandbox's own delivery rate beside it.
 *   <li>Latency: deliver at a constant 200/s for 30 s (open loop), each subject carrying its index;
 *       record each delivery's 201 time, then read the items' creation times from the board API and
 *       report p50/p95/p99 of (item created - mail delivered). The two clocks are the same machine's.
 *   <li>Check exactly-once: N items, no duplicates by subject; count the run-log entries.
 * </ol>
 */
final class EndToEndScenario implements Scenario {

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("baselineThreads", 8);
        result.parameters.put("baselineSeconds", 5);
        Map<String, Object> baseline = InsertBaseline.measure(8, Duration.ofSeconds(1), Duration.ofSeconds(5));
        double insertsPerSecond = Report.number(baseline, "insertsPerSecond");
        result.baseline(
                "raw single-row INSERT rate of the same PostgreSQL (8 threads, autocommit)",
                insertsPerSecond,
                "rows/s");
        result.details.put("insertBaseline", baseline);
        Report.progress(
                String.format(java.util.Locale.ROOT, "e2e baseline: %.0f single-row INSERTs/s", insertsPerSecond));
        String missing = MailPathPreconditions.missing();
        if (!missing.isEmpty()) {
            result.notRun(missing);
            result.target("emails/s at saturation", ">= 1000", Double.NaN, null, "not run");
            result.target("p50 delivery to item", "< 250 ms", Double.NaN, null, "not run");
            result.target("p99 delivery to item", "< 1 s", Double.NaN, null, "not run");
            return;
        }
        result.notRun("the recipes API exists, but the e2e steps (see EndToEndScenario's comment and"
                + " docs/benchmarks.md) are not implemented in the bench yet");
    }
}
