package dev.mailboard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@MailboardIntegrationTest
class FirstStartIntegrationTests {

    private static final String DEMO_BOARDS = "select count(*) from board b join account a on a.id = b.account_id"
            + " where a.name = 'Demo' and b.name = 'Demo board'";

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
    void withTheSandboxAsProviderTheFirstStartCreatedTheDemoBoardWithItsColumns() {
        assertThat(count(DEMO_BOARDS)).isEqualTo(1);
        List<String> columns = jdbc.sql("select c.name || ':' || c.type from board_column c join board b on"
                        + " b.id = c.board_id join account a on a.id = b.account_id where a.name = 'Demo' and"
                        + " b.name = 'Demo board' order by c.position")
                .query(String.class)
                .list();
        assertThat(columns).containsExactly("Status:status", "From:email", "Received:date");
    }

    @Test
    void aRestartCreatesNoSecondAccountAdminOrDemoBoard() {
        long accounts = count("select count(*) from account");
        long users = count("select count(*) from app_user");
        long boards = count("select count(*) from board");

        firstStart.run(new DefaultApplicationArguments());

        assertThat(count("select count(*) from account")).isEqualTo(accounts);
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
        assertThat(count("select count(*) from board")).isEqualTo(boards);
        assertThat(count("select count(*) from account where name = 'Demo'")).isEqualTo(1);
        assertThat(count(DEMO_BOARDS)).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
