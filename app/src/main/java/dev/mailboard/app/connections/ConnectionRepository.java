package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code connection} table. */
@Repository
class ConnectionRepository {

    private static final String COLUMNS = "id, account_id, owner_id, mailbox_address, status, scopes, connected_at,"
            + " last_refresh_at, access_lost_at";

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConnectionView c) {
        jdbc.sql("insert into connection (id, account_id, owner_id, mailbox_address, status, scopes, connected_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.accountId().value(),
                        c.ownerId().value(),
                        c.mailboxAddress(),
                        c.status().code(),
                        String.join(" ", c.scopes()),
                        Timestamp.from(c.connectedAt()))
                .update();
    }

    Optional<ConnectionView> find(ConnectionId id) {
        return jdbc.sql("select " + COLUMNS + " from connection where id = ?")
                .param(id.value())
                .query(ConnectionRepository::map)
                .optional();
    }

    Optional<ConnectionView> find(AccountId account, ConnectionId id) {
        return jdbc.sql("select " + COLUMNS + " from connection where id = ? and account_id = ?")
                .params(id.value(), account.value())
                .query(ConnectionRepository::map)
                .optional();
    }

    /** Reads and locks the row until the transaction ends (S-15: one refresh across instances). */
    Optional<ConnectionView> lock(ConnectionId id) {
        return jdbc.sql("select " + COLUMNS + " from connection where id = ? for update")
                .param(id.value())
                .query(ConnectionRepository::map)
                .optional();
    }

    Optional<ConnectionView> findMailbox(AccountId account, UserId owner, String mailbox) {
        return jdbc.sql("select " + COLUMNS
                        + " from connection where account_id = ? and owner_id = ? and mailbox_address = ? for update")
                .params(account.value(), owner.value(), mailbox)
                .query(ConnectionRepository::map)
                .optional();
    }

    List<ConnectionView> ofOwner(AccountId account, UserId owner) {
        return jdbc.sql("select " + COLUMNS
                        + " from connection where account_id = ? and owner_id = ? order by mailbox_address, id")
                .params(account.value(), owner.value())
                .query(ConnectionRepository::map)
                .list();
    }

    List<ConnectionView> ofAccount(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from connection where account_id = ? order by mailbox_address, id")
                .param(account.value())
                .query(ConnectionRepository::map)
                .list();
    }

    /** Active connections whose access token expires before the given time (or has no known expiry). */
    List<ConnectionId> expiringBefore(Instant limit) {
        return jdbc.sql("select c.id from connection c join connection_token t on t.connection_id = c.id"
                        + " where c.status = 'active' and (t.access_token_expires_at is null"
                        + " or t.access_token_expires_at < ?)")
                .param(Timestamp.from(limit))
                .query((rs, n) -> new ConnectionId(rs.getObject(1, UUID.class)))
                .list();
    }

    void refreshed(ConnectionId id, Set<String> scopes, Instant at) {
        jdbc.sql("update connection set scopes = ?, last_refresh_at = ?, failing_since = null where id = ?")
                .params(String.join(" ", scopes), Timestamp.from(at), id.value())
                .update();
    }

    void failing(ConnectionId id, Instant at) {
        jdbc.sql("update connection set failing_since = coalesce(failing_since, ?) where id = ?")
                .params(Timestamp.from(at), id.value())
                .update();
    }

    void needsReconnect(ConnectionId id, Instant at) {
        jdbc.sql("update connection set status = 'needs_reconnect', access_lost_at = ? where id = ?")
                .params(Timestamp.from(at), id.value())
                .update();
    }

    void reconnected(ConnectionId id, Set<String> scopes, Instant at) {
        jdbc.sql("update connection set status = 'active', scopes = ?, connected_at = ?, last_refresh_at = null,"
                        + " failing_since = null where id = ?")
                .params(String.join(" ", scopes), Timestamp.from(at), id.value())
                .update();
    }

    boolean delete(ConnectionId id) {
        return jdbc.sql("delete from connection where id = ?").param(id.value()).update() > 0;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static ConnectionView map(ResultSet rs, int row) throws SQLException {
        String scopes = rs.getString("scopes");
        TreeSet<String> scopeSet = new TreeSet<>();
        if (!scopes.isBlank()) {
            scopeSet.addAll(Arrays.asList(scopes.trim().split("\\s+")));
        }
        Instant connectedAt = instant(rs, "connected_at");
        return new ConnectionView(
                new ConnectionId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("mailbox_address"),
                ConnectionStatus.ofCode(rs.getString("status")),
                scopeSet,
                connectedAt == null ? Instant.EPOCH : connectedAt,
                instant(rs, "last_refresh_at"),
                instant(rs, "access_lost_at"));
    }
}
