package dev.mailboard.app.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable inbox of acknowledged notifications. */
@Repository
class InboxRepository {

    private static final String COLUMNS =
            "id, subscription_id, change_type, lifecycle_event, message_id, received_at, attempts";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InboxRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<ReceivedNotification> notifications, Instant now) {
        Timestamp received = Timestamp.from(now);
        template.batchUpdate(
                "insert into notification_inbox"
                        + " (subscription_id, change_type, lifecycle_event, message_id, received_at, owner)"
                        + " values (?, ?, ?, ?, ?, ?)",
                notifications,
                notifications.size(),
                (statement, n) -> {
                    statement.setString(1, n.subscriptionId());
                    setNullable(statement, 2, n.changeType());
                    setNullable(statement, 3, n.lifecycleEvent());
                    setNullable(statement, 4, n.messageId());
                    statement.setTimestamp(5, received);
                    statement.setString(6, n.owner());
                });
    }

    /** Claims due entries: locked rows are skipped so that several instances claim different ones. */
    List<InboxEntry> claim(String owner, int max, Instant now, Instant leaseUntil) {
        List<Long> ids = jdbc.sql(
                        "select id from notification_inbox where owner = ?"
                                + " and (claimed_until is null or claimed_until < ?) order by id limit ? for update skip locked")
                .params(owner, Timestamp.from(now), max)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = placeholders(ids);
        jdbc.sql("update notification_inbox set claimed_until = ?, attempts = attempts + 1 where id in (" + in + ")")
                .param(Timestamp.from(leaseUntil))
                .params(ids.toArray())
                .update();
        return jdbc.sql("select " + COLUMNS + " from notification_inbox where id in (" + in + ") order by id")
                .params(ids.toArray())
                .query(InboxRepository::entry)
                .list();
    }

    void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from notification_inbox where id in (" + placeholders(ids) + ")")
                    .params(ids.toArray())
                    .update();
        }
    }

    void release(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update notification_inbox set claimed_until = null where id in (" + placeholders(ids) + ")")
                    .params(ids.toArray())
                    .update();
        }
    }

    void postpone(Collection<Long> ids, Instant until) {
        if (!ids.isEmpty()) {
            jdbc.sql("update notification_inbox set claimed_until = ? where id in (" + placeholders(ids) + ")")
                    .param(Timestamp.from(until))
                    .params(ids.toArray())
                    .update();
        }
    }

    InboxBacklog backlog() {
        return jdbc.sql("select count(*), min(received_at) from notification_inbox")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new InboxBacklog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    private static String placeholders(Collection<Long> ids) {
        return ids.stream().map(id -> "?").collect(Collectors.joining(","));
    }

    private static void setNullable(java.sql.PreparedStatement statement, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new InboxEntry(
                rs.getLong("id"),
                rs.getString("subscription_id"),
                rs.getString("change_type"),
                rs.getString("lifecycle_event"),
                rs.getString("message_id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getInt("attempts"));
    }
}
