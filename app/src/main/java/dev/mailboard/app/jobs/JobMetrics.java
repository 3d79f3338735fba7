package dev.mailboard.app.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Publishes the number of given-up jobs waiting for an admin (S-73). */
@Component
class JobMetrics {

    JobMetrics(MeterRegistry registry, DeadLetterRepository deadLetters) {
        Gauge.builder("mailboard.jobs.dead.letters", deadLetters, DeadLetterRepository::countUnreplayed)
                .description("Jobs that ran out of attempts or failed for good and were not replayed yet")
                .register(registry);
    }
}
