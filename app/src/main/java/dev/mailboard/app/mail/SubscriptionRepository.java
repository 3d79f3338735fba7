package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_subscription} table: Graph subscriptions Mailboard created, with the hash of each clientState. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "s.id, s.connection_id, s.client_state_hash, s.expires_at, s.renew_at";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored subscription. {@link #toString()} leaves out the hash.
     *
     * @param id Graph's subscription id
     * @param connection the mailbox connection
     * @param clientStateHash SHA-256 of the clientState
     * @param expiresAt when Graph said it expires
     * @param renewAt when to renew it
     */
    record Stored(String id, ConnectionId connection, byte[] clientStateHash, Instant expiresAt, Instant renewAt) {
        @Override
        public String toString() {
            return "Stored[id=" + id + ", connection=" + connection + ", expiresAt=" + expiresAt + "]";
        }
    }

    void insert(Stored subscription, Instant now) {
        jdbc.sql(
                        "insert into mail_subscription (id, connection_id, client_state_hash, expires_at, renew_at, created_at)"
                                + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        subscription.id(),
                        subscription.connection().value(),
                        subscription.clientStateHash(),
                        Timestamp.from(subscription.expiresAt()),
                        Timestamp.from(subscription.renewAt()),
                        Timestamp.from(now))
                .update();
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from mail_subscription s where s.id = ?")
                .param(id)
                .query(SubscriptionRepository::stored)
                .optional();
    }

    /** The hash of a subscription whose watch is active: a paused or removed watch's notifications are unknown. */
    Optional<byte[]> activeHash(String id) {
        return jdbc.sql("select s.client_state_hash from mail_subscription s join mail_watch w"
                        + " on w.connection_id = s.connection_id where s.id = ? and w.status = 'active'")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    List<Stored> forConnection(ConnectionId connection) {
        return jdbc.sql("select " + COLUMNS + " from mail_subscription s where s.connection_id = ?")
                .param(connection.value())
                .query(SubscriptionRepository::stored)
                .list();
    }

    /** Subscriptions due for renewal whose watch is active, soonest first. */
    List<Stored> dueForRenewal(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from mail_subscription s join mail_watch w"
                        + " on w.connection_id = s.connection_id where s.renew_at <= ? and w.status = 'active'"
                        + " order by s.renew_at limit ?")
                .params(Timestamp.from(now), limit)
                .query(SubscriptionRepository::stored)
                .list();
    }

    void renewed(String id, Instant expiresAt, Instant renewAt) {
        jdbc.sql("update mail_subscription set expires_at = ?, renew_at = ? where id = ?")
                .params(Timestamp.from(expiresAt), Timestamp.from(renewAt), id)
                .update();
    }

    boolean delete(String id) {
        return jdbc.sql("delete from mail_subscription where id = ?").param(id).update() == 1;
    }

    Optional<Instant> earliestExpiry() {
        return jdbc.sql("select expires_at from mail_subscription order by expires_at limit 1")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString("id"),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getBytes("client_state_hash"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("renew_at").toInstant());
    }
}
