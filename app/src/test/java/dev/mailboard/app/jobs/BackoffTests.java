package dev.mailboard.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Covers S-67: never before Retry-After, never above the cap otherwise, growing with the attempts. */
class BackoffTests {

    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration CAP = Duration.ofMinutes(15);

    @Property
    void neverRetriesBeforeRetryAfter(
            @ForAll @IntRange(min = 1, max = 60) int attempt,
            @ForAll @LongRange(min = 0, max = 3_600_000) long retryAfterMillis,
            @ForAll long seed) {
        Backoff backoff = new Backoff(BASE, CAP, new SplittableRandom(seed));

        Duration delay = backoff.after(attempt, Duration.ofMillis(retryAfterMillis));

        assertThat(delay).isGreaterThanOrEqualTo(Duration.ofMillis(retryAfterMillis));
        assertThat(delay)
                .isLessThanOrEqualTo(
                        CAP.compareTo(Duration.ofMillis(retryAfterMillis)) > 0
                                ? CAP
                                : Duration.ofMillis(retryAfterMillis));
    }

    @Property
    void staysWithinTheExponentialCeiling(@ForAll @IntRange(min = 1, max = 60) int attempt, @ForAll long seed) {
        Backoff backoff = new Backoff(BASE, CAP, new SplittableRandom(seed));

        Duration delay = backoff.after(attempt, Duration.ZERO);

        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 30));
        assertThat(delay.toMillis()).isBetween(0L, ceiling);
    }
}
