package dev.mailboard.app.mail;

import static dev.mailboard.app.mail.ChildMailboardFixtures.connectAndWatch;
import static dev.mailboard.app.mail.ChildMailboardFixtures.count;
import static dev.mailboard.app.mail.ChildMailboardFixtures.deliver;
import static dev.mailboard.app.mail.ChildMailboardFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.mail.ChildMailboardFixtures.Watched;
import dev.mailboard.app.testing.SandboxAccounts;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S-64: Mailboard runs as a child process against PostgreSQL and the standalone sandbox, dies at each named
 * point of the drain (between the inbox insert and the completion) and once by SIGKILL at an arbitrary
 * moment, is restarted on the same database, and every delivered message ends up recorded once, run by the
 * recipe once and turned into one item, with nothing left in the inbox.
 *
 * <p>Runs in the PostgreSQL test run only; needs {@code sandbox/target/mailboard-sandbox-*-exec.jar}.
 */
class MailCrashRecoveryTests extends ChildProcessTest {

    private static final int PER_ROUND = 3;
    private static final Duration TO_DIE = Duration.ofSeconds(90);

    @Test
    void everyMessageIsProcessedExactlyOnceAcrossCrashesAtEachFailpointAndAKill() throws SQLException {
        String schema = newSchema();
        Path dataDir = MailboardProcesses.newDataDir();
        int port = MailboardProcesses.freePort();
        SandboxAccounts mail = new SandboxAccounts(sandbox.port());
        List<String> delivered = new ArrayList<>();

        // Set up while the first failpoint is armed: nothing is drained before mail arrives.
        MailboardProcesses.Child mailboard =
                processes.startMailboard(sandbox, schema, dataDir, Failpoints.AFTER_CLAIM, port);
        Watched watched = connectAndWatch(mailboard, mail, schema, mailboard.baseUrl());

        for (String failpoint : List.of(Failpoints.AFTER_CLAIM, Failpoints.AFTER_FETCH, Failpoints.AFTER_RECORD)) {
            if (!failpoint.equals(Failpoints.AFTER_CLAIM)) {
                mailboard = processes.startMailboard(sandbox, schema, dataDir, failpoint, port);
            }
            delivered.addAll(deliver(mail, watched.address(), failpoint, PER_ROUND));
            int exit = mailboard.awaitExit(TO_DIE);
            assertThat(exit).as("exit code after %s", failpoint).isEqualTo(137);
            assertThat(mailboard.output()).contains("Failpoint " + failpoint + " reached");
        }

        // No failpoint: killed with SIGKILL once the first message of this round is recorded.
        mailboard = processes.startMailboard(sandbox, schema, dataDir, null, port);
        List<String> lastRound = deliver(mail, watched.address(), "kill", PER_ROUND);
        delivered.addAll(lastRound);
        await().atMost(TO_DIE).until(() -> recorded(schema, lastRound) > 0);
        mailboard.kill();

        // Restarted for good: everything is caught up, once.
        processes.startMailboard(sandbox, schema, dataDir, null, port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(count(schema, "select count(*) from notification_inbox"))
                            .as("inbox entries left")
                            .isZero();
                    assertThat(recorded(schema, delivered)).isEqualTo(delivered.size());
                    assertThat(count(schema, "select count(*) from recipe_run"))
                            .as("recipe runs")
                            .isEqualTo(delivered.size());
                });

        assertThat(count(schema, "select count(*) from mail_message")).isEqualTo(delivered.size());
        for (String id : delivered) {
            assertThat(count(schema, "select count(*) from mail_message where message_id = ?", id))
                    .as("records of %s", id)
                    .isEqualTo(1);
            assertThat(count(
                            schema, "select count(*) from recipe_run where message_id = ? and outcome = 'created'", id))
                    .as("runs of %s", id)
                    .isEqualTo(1);
        }
        assertThat(count(schema, "select count(*) from item where board_id = ?", watched.board()))
                .as("items on the board")
                .isEqualTo(delivered.size());
        passed();
    }
}
