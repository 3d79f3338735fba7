package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.jobs.spi.JobOutcome;
import dev.mailboard.app.mail.graph.GraphException;
import java.time.Duration;

/** How mail jobs turn Graph and connection failures into job outcomes (S-67). */
final class JobOutcomes {

    private JobOutcomes() {}

    /** Retryable failures wait at least their {@code Retry-After}; the others fail for good. */
    static JobOutcome of(GraphException e) {
        String reason = "Graph " + e.kind() + " (" + e.code() + ", status " + e.status() + ")";
        return e.isRetryable()
                ? JobOutcome.retryAfter(e.retryAfter().orElse(Duration.ZERO), reason)
                : JobOutcome.failed(reason);
    }

    /** A connection that needs reconnecting or is gone makes the work moot: a catch-up follows a reconnect. */
    static JobOutcome of(ConnectionUnavailableException e) {
        return e.isTransient()
                ? JobOutcome.retryAfter(Duration.ZERO, "Connection temporarily unavailable")
                : JobOutcome.done();
    }
}
