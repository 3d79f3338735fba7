package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_watch} table: which mailboxes' Inboxes are watched, since when. */
@Repository
class WatchRepository {

    private final JdbcClient jdbc;

    WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a watch unless the connection has one; answers whether it was added. */
    boolean insertIfAbsent(ConnectionId connection, AccountId account, Instant since, Instant now) {
        return jdbc.sql("insert into mail_watch (connection_id, account_id, watched_since, status, created_at)"
                                + " select ?, ?, ?, 'active', ? where not exists"
                                + " (select 1 from mail_watch where connection_id = ?)")
                        .params(
                                connection.value(),
                                account.value(),
                                Timestamp.from(since),
                                Timestamp.from(now),
                                connection.value())
                        .update()
                == 1;
    }

    /** Removes a watch; answers whether there was one. */
    boolean delete(ConnectionId connection) {
        return jdbc.sql("delete from mail_watch where connection_id = ?")
                        .param(connection.value())
                        .update()
                == 1;
    }

    boolean exists(ConnectionId connection) {
        return jdbc.sql("select count(*) from mail_watch where connection_id = ?")
                        .param(connection.value())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
