package dev.mailboard.app.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores invitations by the hash of their one-time token. */
@Repository
class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserView invitee, UserId invitedBy, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("insert into invitation (id, account_id, user_id, token_hash, invited_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .param(UUID.randomUUID())
                .param(invitee.accountId().value())
                .param(invitee.id().value())
                .param(tokenHash)
                .param(invitedBy.value())
                .param(Timestamp.from(now))
                .param(Timestamp.from(expiresAt))
                .update();
    }

    /** The invited user of an open (unused, unexpired) invitation. */
    Optional<UserId> findOpen(String tokenHash, Instant now) {
        return jdbc.sql(
                        "select user_id from invitation where token_hash = ? and accepted_at is null and expires_at > ?")
                .param(tokenHash)
                .param(Timestamp.from(now))
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class)))
                .optional();
    }

    /** Marks an open invitation used; false when another request used it first. */
    boolean markAccepted(String tokenHash, Instant now) {
        return jdbc.sql("update invitation set accepted_at = ? where token_hash = ? and accepted_at is null")
                        .param(Timestamp.from(now))
                        .param(tokenHash)
                        .update()
                == 1;
    }
}
