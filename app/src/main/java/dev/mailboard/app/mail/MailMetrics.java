package dev.mailboard.app.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Meters of the mail path (S-73): how soon the first subscription expires, and the count of messages catch-up
 * found that notifications missed (registered at zero here, counted in {@link CatchUp}).
 */
@Component
class MailMetrics {

    MailMetrics(MeterRegistry registry, SubscriptionRepository subscriptions, Clock clock) {
        Gauge.builder(
                        "mailboard.mail.subscriptions.earliest.expiry",
                        subscriptions,
                        repository -> repository
                                .earliestExpiry()
                                .map(at -> (double)
                                        Duration.between(clock.instant(), at).toSeconds())
                                .orElse(Double.NaN))
                .description("Seconds until the first Graph subscription expires; NaN when there is none")
                .baseUnit("seconds")
                .register(registry);
        registry.counter("mailboard.mail.catch.up.found");
    }
}
