package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catch-up rounds tell how far they got: pages and emails checked per mailbox, shown on the Integrations page
 * while a round runs.
 */
@MailboardIntegrationTest
class MailCatchUpProgressIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Connections connections;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    CatchUp catchUp;

    @Autowired
    CatchUpProgress progress;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCatchUpRoundCountsThePagesAndEmailsItChecked() {
        MailFixtures.Mailbox mailbox = MailFixtures.connected(accounts, connections, port);
        mailboxes.watch(mailbox.connection(), Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> deltaLink(mailbox) != null);
        for (int i = 0; i < 3; i++) {
            MailFixtures.deliver(mailbox, "Counted " + i + " " + UUID.randomUUID(), "inbox");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            catchUp.request(mailbox.connection());
            assertThat(progress.lastFinished(mailbox.connection())).hasValueSatisfying(round -> {
                assertThat(round.pages()).isGreaterThanOrEqualTo(1);
                assertThat(round.checked()).isGreaterThanOrEqualTo(3);
            });
        });
        // the loop above may have asked for one more round: once it ends, nothing shows as running
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mailboxes.catchUpRunning(mailbox.connection()))
                        .isEmpty());
    }

    @Test
    void theIntegrationsPageShowsARunningCatchUp() {
        MailFixtures.Mailbox mailbox = MailFixtures.connected(accounts, connections, port);
        assertThat(mailbox.client().get("/integrations").body()).doesNotContain("Catching up");

        progress.start(mailbox.connection());
        progress.page(mailbox.connection(), 3, 250);
        try {
            assertThat(mailboxes.catchUpRunning(mailbox.connection()))
                    .hasValueSatisfying(status -> assertThat(status.checked()).isEqualTo(250));
            assertThat(mailbox.client().get("/integrations").body()).contains("Catching up: 250 emails checked");
        } finally {
            progress.finish(mailbox.connection());
        }

        assertThat(mailbox.client().get("/integrations").body()).doesNotContain("Catching up");
        assertThat(progress.lastFinished(mailbox.connection()))
                .hasValueSatisfying(status -> assertThat(status.pages()).isEqualTo(3));
    }

    private String deltaLink(MailFixtures.Mailbox mailbox) {
        return jdbc.sql("select delta_link from mail_watch where connection_id = ?")
                .param(mailbox.connection().value())
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
