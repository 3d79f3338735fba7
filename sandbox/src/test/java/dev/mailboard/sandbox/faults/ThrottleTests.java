package dev.mailboard.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleTests {

    private final SandboxClock clock = new SandboxClock();

    @Test
    void limitsRequestsPerWindowPerAppAndMailboxWithDecimalRetryAfter() {
        var throttle =
                new Throttle(properties(new SandboxProperties.Throttle(true, 4, 3, Duration.ofMinutes(10))), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.acquire("app", "box")).isEmpty();
            throttle.release("app", "box");
        }
        var refused = throttle.acquire("app", "box");
        assertThat(refused).isPresent();
        assertThat(refused.getAsDouble()).isBetween(0.01, 600.0);
        assertThat(throttle.acquire("app", "other-box"))
                .as("other mailboxes are unaffected")
                .isEmpty();
        assertThat(throttle.acquire("other-app", "box"))
                .as("other apps are unaffected")
                .isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.acquire("app", "box")).isEmpty();
    }

    @Test
    void limitsConcurrentRequests() {
        var throttle = new Throttle(
                properties(new SandboxProperties.Throttle(true, 4, 10_000, Duration.ofMinutes(10))), clock);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.acquire("app", "box")).isEmpty();
        }
        assertThat(throttle.acquire("app", "box")).isPresent();
        throttle.release("app", "box");
        assertThat(throttle.acquire("app", "box")).isEmpty();
    }

    @Test
    void seededFaultsRepeat() {
        var faults = new Faults();
        faults.set(new FaultSettings(0, 0, 0.5, 0, 0, 0, 0, 0, 1, 123, 0, 0));
        var first = List.of(faults.roll(0.5), faults.roll(0.5), faults.roll(0.5), faults.roll(0.5));
        faults.set(new FaultSettings(0, 0, 0.5, 0, 0, 0, 0, 0, 1, 123, 0, 0));
        var second = List.of(faults.roll(0.5), faults.roll(0.5), faults.roll(0.5), faults.roll(0.5));
        assertThat(first).isEqualTo(second);
    }

    private static SandboxProperties properties(SandboxProperties.Throttle throttle) {
        return new SandboxProperties(
                true,
                null,
                null,
                "tenant",
                "sandbox.test",
                new SandboxProperties.App("client", "", "App", List.of()),
                10080,
                1440,
                Duration.ofHours(4),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                100,
                false,
                Duration.ofSeconds(3600),
                Duration.ofSeconds(5400),
                Duration.ofDays(90),
                false,
                throttle,
                4);
    }
}
