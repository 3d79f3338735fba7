package dev.mailboard.app.connections.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewrapProgressLogTests {

    private final TickingClock clock = new TickingClock();
    private final List<String> lines = new ArrayList<>();

    @Test
    void reportsTheTotalThenEveryNKeysAndTheLastCount() {
        RewrapProgressLog progress = new RewrapProgressLog(clock, 1_000, Duration.ofSeconds(5), lines::add);

        for (long done = 0; done <= 2_500; done++) {
            progress.update(done, 2_500);
        }

        assertThat(lines)
                .containsExactly(
                        "Token key rewrap: 2,500 data keys to re-wrap",
                        "Token key rewrap: rewrapped 1,000 of 2,500 data keys (40%)",
                        "Token key rewrap: rewrapped 2,000 of 2,500 data keys (80%)",
                        "Token key rewrap: rewrapped 2,500 of 2,500 data keys (100%)");
    }

    @Test
    void slowKeysAreReportedEveryIntervalToo() {
        RewrapProgressLog progress = new RewrapProgressLog(clock, 1_000, Duration.ofSeconds(5), lines::add);

        progress.update(0, 5_000);
        progress.update(1, 5_000);
        clock.advance(Duration.ofSeconds(3));
        progress.update(2, 5_000);
        clock.advance(Duration.ofSeconds(2));
        progress.update(3, 5_000);
        progress.update(4, 5_000);

        assertThat(lines)
                .containsExactly(
                        "Token key rewrap: 5,000 data keys to re-wrap",
                        "Token key rewrap: rewrapped 3 of 5,000 data keys (0%)");
    }

    @Test
    void nothingToDoSaysSoOnce() {
        RewrapProgressLog progress = new RewrapProgressLog(clock, 100, Duration.ofSeconds(5), lines::add);

        progress.update(0, 0);

        assertThat(lines).containsExactly("Token key rewrap: every data key is already on the current key version");
    }

    private static final class TickingClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
