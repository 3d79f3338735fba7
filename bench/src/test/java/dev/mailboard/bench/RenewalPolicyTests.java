package dev.mailboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTests {

    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofMinutes(4230));

    @Test
    void renewsBeforeHalfTheLifetimeIsLeft() {
        Instant half = CREATED.plus(Duration.ofMinutes(4230).dividedBy(2));

        assertThat(RenewalPolicy.renewAt(CREATED, EXPIRES, 0)).isEqualTo(half);
        assertThat(RenewalPolicy.renewAt(CREATED, EXPIRES, 0.999))
                .isBefore(half)
                .isAfter(CREATED);
    }

    @Test
    void spreadsRenewalsOverTheJitterWindow() {
        Instant earliest = RenewalPolicy.renewAt(CREATED, EXPIRES, 0.999_999);
        Duration window = Duration.between(earliest, RenewalPolicy.renewAt(CREATED, EXPIRES, 0));

        assertThat(window.toMinutes()).isEqualTo((long) (4230 * RenewalPolicy.JITTER_FRACTION) - 1);
    }

    @Test
    void refreshesFiveMinutesBeforeExpiry() {
        assertThat(RenewalPolicy.refreshAt(EXPIRES)).isEqualTo(EXPIRES.minusSeconds(300));
    }

    @Test
    void steadyStateSpreadsEvenly() {
        RenewalsScenario.Schedule schedule = RenewalsScenario.simulate(2_000, false, true);

        assertThat(schedule.events()).isPositive();
        assertThat(RenewalsScenario.Schedule.maxOverMean(schedule.refreshes())).isLessThan(4);
    }
}
