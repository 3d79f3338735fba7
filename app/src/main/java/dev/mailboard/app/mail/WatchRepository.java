package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_watch} table: which mailboxes' Inboxes are watched, since when. */
@Repository
class WatchRepository {

    static final String ACTIVE = "active";
    static final String PAUSED = "paused";

    private static final String COLUMNS =
            "connection_id, account_id, watched_since, status, inbox_folder_id, delta_link";

    private final JdbcClient jdbc;

    WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A watched Inbox.
     *
     * @param connection the connection
     * @param account its account
     * @param since mail received earlier is never published
     * @param status {@link #ACTIVE} or {@link #PAUSED}
     * @param inboxFolderId the Inbox's immutable folder id, once learned
     * @param deltaLink where the next catch-up round starts, after a complete round
     */
    record Watch(
            ConnectionId connection,
            AccountId account,
            Instant since,
            String status,
            @Nullable String inboxFolderId,
            @Nullable String deltaLink) {

        boolean isActive() {
            return ACTIVE.equals(status);
        }

        @Override
        public String toString() {
            return "Watch[connection=" + connection + ", status=" + status + "]";
        }
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

    Optional<Watch> find(ConnectionId connection) {
        return jdbc.sql("select " + COLUMNS + " from mail_watch where connection_id = ?")
                .param(connection.value())
                .query(WatchRepository::watch)
                .optional();
    }

    List<ConnectionId> active() {
        return jdbc.sql("select connection_id from mail_watch where status = 'active' order by connection_id")
                .query((rs, n) -> new ConnectionId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Sets the status; answers whether a watch changed. */
    boolean setStatus(ConnectionId connection, String status) {
        return jdbc.sql("update mail_watch set status = ? where connection_id = ? and status <> ?")
                        .params(status, connection.value(), status)
                        .update()
                == 1;
    }

    void setInboxFolderId(ConnectionId connection, String folderId) {
        jdbc.sql("update mail_watch set inbox_folder_id = ? where connection_id = ?")
                .params(folderId, connection.value())
                .update();
    }

    void setDeltaLink(ConnectionId connection, @Nullable String deltaLink, Instant now) {
        jdbc.sql("update mail_watch set delta_link = ?, last_catch_up_at = ? where connection_id = ?")
                .param(deltaLink)
                .param(Timestamp.from(now))
                .param(connection.value())
                .update();
    }

    private static Watch watch(ResultSet rs, int row) throws SQLException {
        return new Watch(
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                rs.getTimestamp("watched_since").toInstant(),
                rs.getString("status"),
                rs.getString("inbox_folder_id"),
                rs.getString("delta_link"));
    }
}
