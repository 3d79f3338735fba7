package dev.mailboard.app.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Graph checks a notification URL by POSTing a {@code validationToken} while a subscription is being
 * created or renewed; the edge echoes such tokens only while a window is open (S-20). Windows live in
 * the database so that the instance Graph happens to reach knows about a request another instance made.
 */
@Service
public class ValidationWindows {

    private final JdbcClient jdbc;
    private final Clock clock;

    ValidationWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens a window for the length of a subscription request; close it when the request returns.
     *
     * @param length the most it may stay open, even if never closed
     * @return the open window
     */
    public Window open(Duration length) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into webhook_validation_window (id, expires_at) values (?, ?)")
                .params(id, Timestamp.from(clock.instant().plus(length)))
                .update();
        return new Window(id);
    }

    /**
     * Whether any window is open now.
     *
     * @return true while some subscription request is in flight
     */
    public boolean isOpen() {
        return jdbc.sql("select count(*) from webhook_validation_window where expires_at > ?")
                        .param(Timestamp.from(clock.instant()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** An open window; closing it ends it. */
    public final class Window implements AutoCloseable {
        private final UUID id;

        private Window(UUID id) {
            this.id = id;
        }

        @Override
        public void close() {
            jdbc.sql("delete from webhook_validation_window where id = ? or expires_at < ?")
                    .params(id, Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
