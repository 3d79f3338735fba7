package dev.mailboard.app.boards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction reads a board and a member's role once ({@link BoardMemo}): a recipe's run reads the board,
 * creates an item and posts its first update, each with an access check. Changes written behind the repository's
 * back in the same transaction show that the later checks did not reach the database; a change of membership
 * through Boards shows at once.
 */
@MailboardIntegrationTest
class BoardMemoIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTransactionReadsABoardAndARoleOnceAndSeesTheMembershipItChanges() {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        AccountId account = fixtures.account();
        BoardFixtures.Person owner = fixtures.person(account, "owner", Role.MEMBER);
        BoardFixtures.Person editor = fixtures.person(account, "editor", Role.MEMBER);
        BoardView board = boards.createBoard(owner.actor(), new NewBoard("Memo " + BoardFixtures.unique(), ""));
        boards.putMember(owner.actor(), board.id(), editor.user().id(), BoardRole.EDITOR);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(boards.board(editor.actor(), board.id()).role()).isEqualTo(BoardRole.EDITOR);
            jdbc.sql("update board set name = 'Renamed in the same transaction' where id = ?")
                    .param(board.id().value())
                    .update();
            jdbc.sql("update board_member set role = 'viewer' where board_id = ? and user_id = ?")
                    .params(board.id().value(), editor.user().id().value())
                    .update();
            BoardView again = boards.board(editor.actor(), board.id());
            assertThat(again.name()).as("the board is read once").isEqualTo(board.name());
            assertThat(again.role()).as("the role is read once").isEqualTo(BoardRole.EDITOR);

            boards.putMember(owner.actor(), board.id(), editor.user().id(), BoardRole.OWNER);
            assertThat(boards.board(editor.actor(), board.id()).role())
                    .as("a change of membership forgets the role")
                    .isEqualTo(BoardRole.OWNER);
        });

        BoardView afterwards = boards.board(editor.actor(), board.id());
        assertThat(afterwards.name()).as("a new transaction reads afresh").isEqualTo("Renamed in the same transaction");
        assertThat(afterwards.role()).isEqualTo(BoardRole.OWNER);
    }
}
