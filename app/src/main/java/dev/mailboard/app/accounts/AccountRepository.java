package dev.mailboard.app.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores accounts. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountView insert(String name, Instant now) {
        AccountId id = new AccountId(UUID.randomUUID());
        jdbc.sql("insert into account (id, name, created_at) values (?, ?, ?)")
                .params(id.value(), name, Timestamp.from(now))
                .update();
        return new AccountView(id, name, EnumSet.of(Role.ADMIN, Role.MEMBER), now);
    }

    Optional<AccountView> find(AccountId id) {
        return jdbc.sql("select id, name, integration_creator_roles, created_at from account where id = ?")
                .param(id.value())
                .query((rs, n) -> new AccountView(
                        new AccountId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        parseRoles(rs.getString("integration_creator_roles")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Locks the account's row until the transaction ends, so that admin changes run one at a time. */
    void lockForUpdate(AccountId id) {
        jdbc.sql("select id from account where id = ? for update")
                .param(id.value())
                .query(UUID.class)
                .optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from account").query(Long.class).single() == 0;
    }

    void updateIntegrationCreatorRoles(AccountId id, Set<Role> roles) {
        jdbc.sql("update account set integration_creator_roles = ? where id = ?")
                .params(formatRoles(roles), id.value())
                .update();
    }

    static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Role::fromCode)
                .forEach(roles::add);
        return roles;
    }

    static String formatRoles(Set<Role> roles) {
        return List.copyOf(roles).stream().sorted().map(Role::code).collect(Collectors.joining(","));
    }
}
