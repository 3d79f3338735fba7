package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry stores {@link MailReceived} as JSON and reads it back when it hands an
 * outstanding event to its listeners again (after a crash): the round trip must give the same event.
 */
class MailReceivedJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void survivesTheRoundTripThroughJsonWithAndWithoutAutomatedReasons() {
        for (Set<AutomatedMail.Reason> reasons :
                List.of(Set.<AutomatedMail.Reason>of(), EnumSet.allOf(AutomatedMail.Reason.class))) {
            MailReceived mail = mail(reasons);

            String stored = json.writeValueAsString(mail);
            MailReceived read = json.readValue(stored, MailReceived.class);

            assertThat(read).isEqualTo(mail);
            assertThat(read.isAutomated()).isEqualTo(!reasons.isEmpty());
        }
    }

    private static MailReceived mail(Set<AutomatedMail.Reason> automated) {
        return new MailReceived(
                new ConnectionId(UUID.randomUUID()),
                new AccountId(UUID.randomUUID()),
                "msg-1",
                "<msg-1@mail.example>",
                "conv-1",
                "Subject",
                new MailAddress("ana@example.test", "Ana"),
                List.of(new MailAddress("inbox@example.test", "")),
                List.of(),
                Instant.parse("2026-11-20T10:15:30Z"),
                null,
                List.of(),
                "<p>Body</p>",
                "<p>New</p>",
                false,
                "normal",
                List.of(),
                automated,
                MailReceived.Discovery.NOTIFICATION);
    }
}
