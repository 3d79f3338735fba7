package dev.mailboard.app.recipes;

import dev.mailboard.app.jobs.spi.RecurringJob;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Clears the mail content (subject line and sender stay) of run-log lines older than
 * {@code mailboard.recipes.mail-retention} (S-62); such runs can no longer be replayed.
 */
@Component
class ForgetOldMailJob implements RecurringJob {

    private final RunRepository runs;
    private final RecipesProperties properties;
    private final Clock clock;

    ForgetOldMailJob(RunRepository runs, RecipesProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "recipes-forget-old-mail";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        runs.forgetFactsBefore(clock.instant().minus(properties.mailRetention()));
    }
}
