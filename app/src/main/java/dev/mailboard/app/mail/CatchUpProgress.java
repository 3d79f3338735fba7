package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The catch-up rounds running in this instance, per mailbox, with the pages and emails checked so far, and
 * the last finished round of each mailbox. Long rounds (a first round over a full Inbox, or after an expired
 * delta link) log their progress every {@value #LOG_EVERY_PAGES} pages.
 */
@Component
class CatchUpProgress {

    static final int LOG_EVERY_PAGES = 10;
    private static final Logger log = LoggerFactory.getLogger(CatchUpProgress.class);

    private final Map<ConnectionId, CatchUpStatus> running = new ConcurrentHashMap<>();
    private final Map<ConnectionId, CatchUpStatus> finished = new ConcurrentHashMap<>();
    private final Clock clock;

    CatchUpProgress(Clock clock) {
        this.clock = clock;
    }

    void start(ConnectionId connection) {
        running.put(connection, new CatchUpStatus(connection, clock.instant(), 0, 0));
    }

    void page(ConnectionId connection, int pages, int checked) {
        CatchUpStatus status =
                running.computeIfPresent(connection, (c, old) -> new CatchUpStatus(c, old.startedAt(), pages, checked));
        if (status != null && pages % LOG_EVERY_PAGES == 0) {
            log.info("Catch-up of connection {}: {} emails checked on {} pages so far", connection, checked, pages);
        }
    }

    void finish(ConnectionId connection) {
        CatchUpStatus status = running.remove(connection);
        if (status == null) {
            return;
        }
        finished.put(connection, status);
        if (status.pages() >= LOG_EVERY_PAGES) {
            log.info(
                    "Catch-up of connection {} finished: {} emails checked on {} pages",
                    connection,
                    status.checked(),
                    status.pages());
        }
    }

    Optional<CatchUpStatus> running(ConnectionId connection) {
        return Optional.ofNullable(running.get(connection));
    }

    Optional<CatchUpStatus> lastFinished(ConnectionId connection) {
        return Optional.ofNullable(finished.get(connection));
    }
}
