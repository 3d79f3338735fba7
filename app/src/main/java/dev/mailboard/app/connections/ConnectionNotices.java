package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.Notices;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Tells people when a connection needs them (S-13): the owner, who alone can reconnect it, and the account's
 * admins, who see every connection. The notices link to the Integrations page.
 */
@Component
class ConnectionNotices {

    private static final String INTEGRATIONS = "/integrations";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Notices notices;

    ConnectionNotices(Notices notices) {
        this.notices = notices;
    }

    void needsReconnect(ConnectionView c, java.time.Instant lostAt) {
        String when = TIME.format(lostAt.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
        notices.post(
                c.accountId(),
                c.ownerId(),
                "Your mailbox " + c.mailboxAddress() + " needs to be reconnected: its access was refused at " + when
                        + ". Its integrations are paused and no mail is read until you reconnect it; mail that"
                        + " arrives meanwhile is picked up afterwards.",
                INTEGRATIONS);
        notices.postToAdmins(
                c.accountId(),
                c.ownerId(),
                "The mailbox " + c.mailboxAddress() + " needs to be reconnected by the user who connected it: its"
                        + " access was refused at " + when + ". Its integrations are paused.",
                INTEGRATIONS);
    }
}
