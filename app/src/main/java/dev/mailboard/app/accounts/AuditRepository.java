package dev.mailboard.app.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the audit log; it never updates or deletes an entry. */
@Repository
class AuditRepository {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_label, action, target, outcome, detail";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(AuditEntry entry, Instant now) {
        jdbc.sql("insert into audit_entry (account_id, occurred_at, actor_id, actor_label, action, target, outcome,"
                        + " detail) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .param(entry.accountId().value())
                .param(Timestamp.from(now))
                .param(entry.actorId() == null ? null : entry.actorId().value())
                .param(clip(entry.actorLabel(), 320))
                .param(clip(entry.action(), 64))
                .param(clip(entry.target(), 400))
                .param(entry.outcome().code())
                .param(clip(entry.detail(), 1000))
                .update();
    }

    /** Newest first; one more row than asked for tells whether an older page exists. */
    List<AuditEntryView> page(AccountId accountId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from audit_entry where account_id = ? order by id desc limit ? offset ?")
                .param(accountId.value())
                .param(limit)
                .param(offset)
                .query(AuditRepository::view)
                .list();
    }

    Optional<AuditEntryView> find(AccountId accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where account_id = ? and id = ?")
                .param(accountId.value())
                .param(id)
                .query(AuditRepository::view)
                .optional();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static AuditEntryView view(ResultSet rs, int row) throws SQLException {
        UUID actor = rs.getObject("actor_id", UUID.class);
        return new AuditEntryView(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                actor == null ? null : new UserId(actor),
                rs.getString("actor_label"),
                rs.getString("action"),
                rs.getString("target"),
                AuditOutcome.fromCode(rs.getString("outcome")),
                rs.getString("detail"));
    }
}
