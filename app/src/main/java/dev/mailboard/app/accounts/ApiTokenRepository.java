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

/** Stores personal API tokens by their SHA-256; never the tokens themselves. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "id, name, prefix, created_at, last_used_at";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiTokenView insert(CurrentUser owner, String name, String prefix, String tokenHash, Instant now) {
        ApiTokenId id = new ApiTokenId(UUID.randomUUID());
        jdbc.sql("insert into api_token (id, account_id, user_id, name, prefix, token_hash, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .param(id.value())
                .param(owner.accountId().value())
                .param(owner.userId().value())
                .param(name)
                .param(prefix)
                .param(tokenHash)
                .param(Timestamp.from(now))
                .update();
        return new ApiTokenView(id, name, prefix, now, null);
    }

    List<ApiTokenView> findActive(UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from api_token where user_id = ? and revoked_at is null"
                        + " order by created_at desc, name")
                .param(owner.value())
                .query(ApiTokenRepository::view)
                .list();
    }

    Optional<ApiTokenView> findActive(UserId owner, ApiTokenId id) {
        return jdbc.sql("select " + COLUMNS + " from api_token where user_id = ? and id = ? and revoked_at is null")
                .param(owner.value())
                .param(id.value())
                .query(ApiTokenRepository::view)
                .optional();
    }

    /** The owner of an active token with this hash. */
    Optional<UserId> findOwner(String tokenHash) {
        return jdbc.sql("select user_id from api_token where token_hash = ? and revoked_at is null")
                .param(tokenHash)
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class)))
                .optional();
    }

    void markUsed(String tokenHash, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .param(Timestamp.from(now))
                .param(tokenHash)
                .update();
    }

    void revoke(ApiTokenId id, Instant now) {
        jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .param(Timestamp.from(now))
                .param(id.value())
                .update();
    }

    private static ApiTokenView view(ResultSet rs, int row) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new ApiTokenView(
                new ApiTokenId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
