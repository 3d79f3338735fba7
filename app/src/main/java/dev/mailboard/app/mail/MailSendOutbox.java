package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.connections.ConnectionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_send} outbox and its recipients. */
@Repository
class MailSendOutbox {

    static final String QUEUED = "queued";
    static final String ATTEMPTING = "attempting";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /**
     * A stored send.
     *
     * @param id the send id
     * @param accountId the account
     * @param connection the mailbox
     * @param requestedBy who asked
     * @param origin the origin tag
     * @param automatic whether it is an automatic send
     * @param subject the subject
     * @param bodyHtml the sanitized body
     * @param state queued, attempting, sent or failed
     * @param to the recipients
     */
    record Row(
            UUID id,
            AccountId accountId,
            ConnectionId connection,
            UserId requestedBy,
            String origin,
            boolean automatic,
            String subject,
            String bodyHtml,
            String state,
            List<MailSendCheck.Recipient> to) {}

    private final JdbcClient jdbc;

    MailSendOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the user's quota row until the transaction ends, so that counting and inserting are atomic. */
    void lockQuota(UserId user) {
        String key = "user:" + user.value();
        jdbc.sql("insert into mail_send_quota (quota_key) values (?) on conflict do nothing")
                .param(key)
                .update();
        jdbc.sql("select quota_key from mail_send_quota where quota_key = ? for update")
                .param(key)
                .query(String.class)
                .single();
    }

    int sentByUserSince(UserId user, Instant since) {
        return jdbc.sql("select count(*) from mail_send where requested_by = ? and created_at > ? and state <> ?")
                .params(user.value(), Timestamp.from(since), FAILED)
                .query(Integer.class)
                .single();
    }

    int sentToSince(String origin, String addressKey, Instant since) {
        return jdbc.sql("select count(*) from mail_send_recipient r join mail_send s on s.id = r.send_id"
                        + " where r.origin = ? and r.address_key = ? and r.created_at > ? and s.state <> ?")
                .params(origin, addressKey, Timestamp.from(since), FAILED)
                .query(Integer.class)
                .single();
    }

    void insert(UUID id, AccountId account, MailSendRequest request, MailSendCheck.Checked checked, Instant now) {
        jdbc.sql("insert into mail_send (id, account_id, connection_id, requested_by, origin, automatic, subject,"
                        + " body_html, state, attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(
                        id,
                        account.value(),
                        request.connection().value(),
                        request.requestedBy().value(),
                        request.origin(),
                        request.automatic(),
                        checked.subject(),
                        checked.bodyHtml(),
                        QUEUED,
                        Timestamp.from(now))
                .update();
        int position = 0;
        for (MailSendCheck.Recipient recipient : checked.to()) {
            jdbc.sql("insert into mail_send_recipient (send_id, position, address, display_name, address_key, origin,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(java.util.Arrays.asList(
                            id,
                            position++,
                            recipient.address(),
                            recipient.name(),
                            recipient.address().toLowerCase(java.util.Locale.ROOT),
                            request.origin(),
                            Timestamp.from(now)))
                    .update();
        }
    }

    Optional<Row> find(UUID id) {
        List<MailSendCheck.Recipient> to = jdbc.sql(
                        "select address, display_name from mail_send_recipient where send_id = ? order by position")
                .param(id)
                .query((rs, n) -> new MailSendCheck.Recipient(rs.getString("address"), rs.getString("display_name")))
                .list();
        return jdbc.sql("select * from mail_send where id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class)),
                        new ConnectionId(rs.getObject("connection_id", UUID.class)),
                        new UserId(rs.getObject("requested_by", UUID.class)),
                        rs.getString("origin"),
                        rs.getBoolean("automatic"),
                        rs.getString("subject"),
                        rs.getString("body_html"),
                        rs.getString("state"),
                        to))
                .optional();
    }

    /** Records that a send call is about to be made; from now on the outcome of an attempt may be unknown. */
    void markAttempting(UUID id, Instant now) {
        jdbc.sql(
                        "update mail_send set state = ?, attempts = attempts + 1, attempted_at = ? where id = ? and state in (?, ?)")
                .params(ATTEMPTING, Timestamp.from(now), id, QUEUED, ATTEMPTING)
                .update();
    }

    /** Marks the row sent; false when it already was (so the caller publishes nothing twice). */
    boolean markSent(UUID id, @Nullable String internetMessageId, @Nullable String conversationId, Instant now) {
        return jdbc.sql("update mail_send set state = ?, internet_message_id = ?, conversation_id = ?, finished_at = ?"
                                + " where id = ? and state in (?, ?)")
                        .params(java.util.Arrays.asList(
                                SENT, internetMessageId, conversationId, Timestamp.from(now), id, QUEUED, ATTEMPTING))
                        .update()
                > 0;
    }

    /** Marks the row failed for good; false when it was already finished. */
    boolean markFailed(UUID id, String reason, Instant now) {
        String cut = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return jdbc.sql("update mail_send set state = ?, failure = ?, finished_at = ? where id = ? and state in (?, ?)")
                        .params(FAILED, cut, Timestamp.from(now), id, QUEUED, ATTEMPTING)
                        .update()
                > 0;
    }

    /** The state of a send, for tests and pages. */
    Optional<String> state(UUID id) {
        return jdbc.sql("select state from mail_send where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }
}
