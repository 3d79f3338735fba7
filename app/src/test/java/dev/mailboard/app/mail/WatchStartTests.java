package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Graph gives receive times to the second. Mail that arrives in the same second as a watch begins (the second
 * a recipe is switched on) must not count as older than the watch: it would be skipped and lost.
 */
class WatchStartTests {

    private final WatchRepository.Watch watch = new WatchRepository.Watch(
            new ConnectionId(UUID.randomUUID()),
            new AccountId(UUID.randomUUID()),
            Instant.parse("2026-11-28T12:00:00.700Z"),
            WatchRepository.ACTIVE,
            null,
            null);

    @Test
    void mailStampedWithTheWatchsOwnSecondIsKept() {
        assertThat(MessageIntake.arrivedBeforeWatch(Instant.parse("2026-11-28T12:00:00Z"), watch))
                .isFalse();
    }

    @Test
    void mailFromAnEarlierSecondIsOlderThanTheWatch() {
        assertThat(MessageIntake.arrivedBeforeWatch(Instant.parse("2026-11-28T11:59:59Z"), watch))
                .isTrue();
    }

    @Test
    void mailWithoutAReceiveTimeIsKept() {
        assertThat(MessageIntake.arrivedBeforeWatch(null, watch)).isFalse();
    }
}
