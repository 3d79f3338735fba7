package dev.mailboard.app.jobs;

import java.io.Serializable;

/**
 * What is stored with a pending job: the command's type and JSON, its dedupe key and how many runs
 * were made. Holds ids only: commands never carry secrets.
 */
record JobEnvelope(String type, String payload, String dedupeKey, int attempts) implements Serializable {

    private static final long serialVersionUID = 1L;

    JobEnvelope nextAttempt() {
        return new JobEnvelope(type, payload, dedupeKey, attempts + 1);
    }
}
