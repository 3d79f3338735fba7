package dev.mailboard.bench;

/**
 * Catch-up: with every notification dropped, N emails are delivered; how long until every item exists,
 * relative to the catch-up (delta sync) interval. Target (brief, section 5): every item within one delta
 * interval plus one minute.
 *
 * <p>Until the recipes API exists ({@link MailPathPreconditions}) the scenario records {@code not-run}.
 * The steps, to implement when ingest and recipes land:
 *
 * <ol>
 *   <li>Set up as the e2e scenario (sandbox mailbox, connection, board, recipe), with the catch-up
 *       interval shortened to a value the run can afford (e.g. 60 s) by its property.
 *   <li>Drop every notification: {@code PUT /sandbox/faults {"dropNotifications": 1.0}} (the sandbox then
 *       records deliveries as {@code dropped} in {@code GET /sandbox/deliveries}).
 *   <li>Deliver N = 1,000 mails through {@code POST /sandbox/mailboxes/{address}/messages}; note the
 *       time of the last one.
 *   <li>Poll {@code GET /api/v1/boards/{id}/items} every second until N items exist, or the interval plus
 *       two minutes pass. Report the time from the last delivery to the last item, divided by the
 *       interval, and the count of items (N exactly: none lost, none twice).
 *   <li>Repeat with a {@code missed} lifecycle event ({@code POST /sandbox/subscriptions/{id}/lifecycle})
 *       to see the resync that it triggers beat the interval.
 *   <li>Clear the faults: {@code DELETE /sandbox/faults}.
 * </ol>
 */
final class CatchUpScenario implements Scenario {

    @Override
    public String name() {
        return "catch-up";
    }

    @Override
    public void run(ScenarioResult result) throws Exception {
        result.parameters.put("emails", 1000);
        result.parameters.put("notificationsDropped", 1.0);
        String missing = MailPathPreconditions.missing();
        if (!missing.isEmpty()) {
            result.notRun(missing);
            result.target("time to every item", "<= catch-up interval + 1 min", Double.NaN, null, "not run");
            return;
        }
        result.notRun("the recipes API exists, but the catch-up steps (see CatchUpScenario's comment and"
                + " docs/benchmarks.md) are not implemented in the bench yet");
    }
}
