package dev.mailboard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction reads a user once ({@link UserMemo}): a recipe's run checks its owner and then each board write
 * checks the acting user again. A change written behind the repository's back in the same transaction shows
 * that the second read did not reach the database; a change made through Accounts shows at once.
 */
@MailboardIntegrationTest
class UserMemoIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserRepository users;

    @Test
    void aTransactionReadsAUserOnceAndSeesTheChangesItMakesThroughAccounts() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "Memo");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);
        UserView admin = team.admin();
        CurrentUser signedIn =
                new CurrentUser(admin.id(), admin.accountId(), admin.email(), admin.displayName(), admin.role());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            UserView first = accounts.findUser(member.id()).orElseThrow();
            rename(member, "Renamed in the same transaction");
            assertThat(accounts.findUser(member.id()).orElseThrow().displayName())
                    .as("read once per transaction")
                    .isEqualTo(first.displayName());

            accounts.changeRole(signedIn, member.id(), Role.GUEST);
            UserView changed = accounts.findUser(member.id()).orElseThrow();
            assertThat(changed.role()).isEqualTo(Role.GUEST);
            assertThat(changed.displayName())
                    .as("a write through the repository forgets the user, so the next read is fresh")
                    .isEqualTo("Renamed in the same transaction");
        });

        assertThat(accounts.findUser(member.id()).orElseThrow().displayName())
                .as("a new transaction reads afresh")
                .isEqualTo("Renamed in the same transaction");
    }

    @Test
    void withoutATransactionEveryReadReachesTheDatabase() {
        AccountsTestSupport.Team team = AccountsTestSupport.newTeam(accounts, "No memo");
        UserView member = AccountsTestSupport.newUser(accounts, team.account().id(), Role.MEMBER);

        assertThat(users.find(member.id()).orElseThrow().view().displayName()).isEqualTo(member.displayName());
        rename(member, "Renamed between two reads");
        assertThat(users.find(member.id()).orElseThrow().view().displayName()).isEqualTo("Renamed between two reads");
    }

    private void rename(UserView user, String name) {
        jdbc.sql("update app_user set display_name = ? where id = ?")
                .params(name, user.id().value())
                .update();
    }
}
