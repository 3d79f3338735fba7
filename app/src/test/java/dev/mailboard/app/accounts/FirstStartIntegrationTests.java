package dev.mailboard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@MailboardIntegrationTest
class FirstStartIntegrationTests {

    @Autowired
    FirstStart firstStart;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdTheDemoAccountWithItsAdminOnTheEmptyDatabase() {
        assertThat(count("select count(*) from account where name = 'Demo'")).isEqualTo(1);
        assertThat(count("select count(*) from app_user where email = '" + MailboardIntegrationTest.ADMIN_EMAIL
                        + "' and role = 'admin' and status = 'active'"))
                .isEqualTo(1);
    }

    @Test
    void aRestartCreatesNoSecondAccountOrAdmin() {
        long accounts = count("select count(*) from account");
        long users = count("select count(*) from app_user");

        firstStart.run(new DefaultApplicationArguments());

        assertThat(count("select count(*) from account")).isEqualTo(accounts);
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
        assertThat(count("select count(*) from account where name = 'Demo'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
