package dev.mailboard.app.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_notice} table. */
@Repository
class NoticeRepository {

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccountId account, UserId user, String text, @Nullable String link, Instant now) {
        jdbc.sql("insert into user_notice (account_id, user_id, text, link, created_at) values (?, ?, ?, ?, ?)")
                .param(account.value())
                .param(user.value())
                .param(text)
                .param(link)
                .param(Timestamp.from(now))
                .update();
    }

    long countUnread(UserId user) {
        return jdbc.sql("select count(*) from user_notice where user_id = ? and read_at is null")
                .param(user.value())
                .query(Long.class)
                .single();
    }

    List<NoticeView> recent(UserId user, int limit) {
        return jdbc.sql("select id, text, link, created_at, read_at from user_notice where user_id = ?"
                        + " order by id desc limit ?")
                .params(user.value(), limit)
                .query((rs, row) -> new NoticeView(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    void markAllRead(UserId user, Instant now) {
        jdbc.sql("update user_notice set read_at = ? where user_id = ? and read_at is null")
                .params(Timestamp.from(now), user.value())
                .update();
    }
}
