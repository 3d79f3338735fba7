package dev.mailboard.app.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores users, their password hashes and their login-failure counters. A user found by id is remembered for the
 * rest of the transaction ({@link UserMemo}); every write here forgets the user it wrote.
 */
@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, account_id, email, display_name, role, status, created_at, password_hash, failed_logins, locked_until";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserView insert(NewUser user, @Nullable String passwordHash, String status, Instant now) {
        UserId id = new UserId(UUID.randomUUID());
        jdbc.sql("insert into app_user (id, account_id, email, display_name, role, password_hash, status, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .param(id.value())
                .param(user.accountId().value())
                .param(normalise(user.email()))
                .param(user.displayName())
                .param(user.role().code())
                .param(passwordHash)
                .param(status)
                .param(Timestamp.from(now))
                .update();
        return new UserView(
                id, user.accountId(), normalise(user.email()), user.displayName(), user.role(), status, now);
    }

    Optional<StoredUser> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where email = ?")
                .param(normalise(email))
                .query(UserRepository::stored)
                .optional();
    }

    Optional<StoredUser> find(UserId id) {
        return UserMemo.find(id, this::read);
    }

    private Optional<StoredUser> read(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
                .param(id.value())
                .query(UserRepository::stored)
                .optional();
    }

    List<UserView> findByAccount(AccountId accountId) {
        return jdbc
                .sql("select " + COLUMNS + " from app_user where account_id = ? order by email")
                .param(accountId.value())
                .query(UserRepository::stored)
                .list()
                .stream()
                .map(StoredUser::view)
                .toList();
    }

    void updateRole(UserId id, Role role) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set role = ? where id = ?")
                .params(role.code(), id.value())
                .update();
    }

    void updatePassword(UserId id, String passwordHash) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set password_hash = ?, status = 'active' where id = ?")
                .params(passwordHash, id.value())
                .update();
    }

    /** Counts one more failed sign-in atomically and returns the new count. */
    int countLoginFailure(UserId id) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set failed_logins = failed_logins + 1 where id = ?")
                .param(id.value())
                .update();
        return jdbc.sql("select failed_logins from app_user where id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    void lockUntil(UserId id, Instant lockedUntil) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set locked_until = ? where id = ?")
                .param(Timestamp.from(lockedUntil))
                .param(id.value())
                .update();
    }

    void updateStatus(UserId id, String status) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set status = ? where id = ?")
                .params(status, id.value())
                .update();
    }

    int countActiveAdmins(AccountId accountId) {
        return jdbc.sql("select count(*) from app_user where account_id = ? and role = 'admin' and status = 'active'")
                .param(accountId.value())
                .query(Integer.class)
                .single();
    }

    void resetLoginFailures(UserId id) {
        UserMemo.forget(id);
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ?")
                .param(id.value())
                .update();
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static StoredUser stored(ResultSet rs, int row) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        UserView view = new UserView(
                new UserId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.fromCode(rs.getString("role")),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
        return new StoredUser(
                view,
                rs.getString("password_hash"),
                rs.getInt("failed_logins"),
                lockedUntil == null ? null : lockedUntil.toInstant());
    }

    /** A user row with the fields only this module may see. */
    record StoredUser(
            UserView view,
            @Nullable String passwordHash,
            int failedLogins,
            @Nullable Instant lockedUntil) {

        @Override
        public String toString() {
            return "StoredUser[" + view + ", passwordHash=<redacted>]";
        }
    }
}
