package dev.mailboard.bench;

import java.time.Duration;

/**
 * Whether the mail path the {@code e2e} and {@code catch-up} scenarios drive exists in the Mailboard
 * under test: its OpenAPI document (public at {@code /v3/api-docs}) must list {@code /api/v1/recipes}.
 * One Mailboard instance is started per bench run to find out, and shared by both scenarios.
 */
final class MailPathPreconditions {

    private static String verdict = "";

    private MailPathPreconditions() {}

    /** Empty when the recipes API exists, else why the scenarios cannot run. */
    static synchronized String missing() throws Exception {
        if (!verdict.isEmpty()) {
            return verdict.equals("ok") ? "" : verdict;
        }
        try (MailboardProcess mailboard = MailboardProcess.startMailboard(MailboardProcess.Options.embedded())) {
            mailboard.awaitReady("/actuator/health/readiness", Duration.ofMinutes(3));
            String docs = mailboard.get("/v3/api-docs").body();
            verdict = docs.contains("\"/api/v1/recipes\"")
                    ? "ok"
                    : "the recipes API (/api/v1/recipes) is not in this build's OpenAPI document yet;"
                            + " mail ingest and recipes are being built";
        }
        return verdict.equals("ok") ? "" : verdict;
    }
}
