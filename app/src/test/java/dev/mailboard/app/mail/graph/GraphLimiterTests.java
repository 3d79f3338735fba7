package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-mailbox limiter's rules, with a clock the test moves (S-68, S-69). */
class GraphLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void holdsAMailboxAtItsSlotsWithoutHoldingUpOthers() {
        MailboxLimiter limiter = new MailboxLimiter(4, Duration.ofMillis(50), 10_000, Duration.ofMinutes(10), clock);
        List<MailboxLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(limiter.acquire("a", 1));
        }

        GraphException busy = catchThrowableOfType(GraphException.class, () -> limiter.acquire("a", 1));
        MailboxLimiter.Permit other = limiter.acquire("b", 1);

        assertThat(busy.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(busy.code()).isEqualTo("ClientMailboxBusy");
        assertThat(limiter.inFlight("a")).isEqualTo(4);
        assertThat(limiter.inFlight("b")).isEqualTo(1);
        held.forEach(MailboxLimiter.Permit::close);
        other.close();
        assertThat(limiter.inFlight("a")).isZero();
        limiter.acquire("a", 1).close();
    }

    @Test
    void aBatchTakesEverySlotAndCountsEachInnerRequest() {
        MailboxLimiter limiter = new MailboxLimiter(4, Duration.ofMillis(50), 30, Duration.ofMinutes(10), clock);

        try (MailboxLimiter.Permit batch = limiter.acquire("a", 20)) {
            assertThat(limiter.inFlight("a")).isEqualTo(4);
            assertThat(catchThrowableOfType(GraphException.class, () -> limiter.acquire("a", 1)))
                    .isNotNull();
        }
        GraphException overBudget = catchThrowableOfType(GraphException.class, () -> limiter.acquire("a", 20));

        assertThat(overBudget.code()).isEqualTo("ClientRequestBudget");
        limiter.acquire("a", 10).close();
    }

    @Test
    void staysUnderTheBudgetUntilTheWindowSlidesOn() {
        MailboxLimiter limiter = new MailboxLimiter(4, Duration.ofMillis(50), 100, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("a", 1).close();
            clock.advance(Duration.ofSeconds(1));
        }

        GraphException over = catchThrowableOfType(GraphException.class, () -> limiter.acquire("a", 1));
        clock.advance(Duration.ofMinutes(11));

        assertThat(over.kind()).isEqualTo(GraphException.Kind.THROTTLED);
        assertThat(over.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait)
                        .isPositive()
                        .isLessThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(30)));
        limiter.acquire("a", 1).close();
    }

    @Test
    void failsFastWhileGraphThrottlesAMailbox() {
        MailboxLimiter limiter = new MailboxLimiter(4, Duration.ofMillis(50), 10_000, Duration.ofMinutes(10), clock);
        limiter.throttledBy("a", Duration.ofMillis(2128));

        GraphException held = catchThrowableOfType(GraphException.class, () -> limiter.acquire("a", 1));
        limiter.acquire("b", 1).close();
        clock.advance(Duration.ofMillis(2129));

        assertThat(held.retryAfter()).contains(Duration.ofMillis(2128));
        limiter.acquire("a", 1).close();
    }

    @Test
    void forgetsIdleMailboxes() {
        MailboxLimiter limiter = new MailboxLimiter(4, Duration.ofMillis(50), 10_000, Duration.ofMinutes(10), clock);
        limiter.acquire("idle", 1).close();
        assertThat(limiter.peakInFlight("idle")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(25));
        limiter.acquire("active", 1).close();

        assertThat(limiter.peakInFlight("idle")).as("lane dropped").isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
