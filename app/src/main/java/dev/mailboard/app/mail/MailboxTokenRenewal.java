package dev.mailboard.app.mail;

import dev.mailboard.app.connections.AccessTokens;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.graph.GraphTokenRenewal;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renews a connection's access token when Graph refused it (the mailbox key of a Graph call is the connection
 * id, see {@link MailboxAccess}); when Graph refuses the renewed token too, the connection needs reconnecting.
 */
@Component
class MailboxTokenRenewal implements GraphTokenRenewal {

    private static final Logger log = LoggerFactory.getLogger(MailboxTokenRenewal.class);

    private final AccessTokens tokens;

    MailboxTokenRenewal(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<String> renew(String mailbox, String refused) {
        Optional<ConnectionId> connection = connection(mailbox);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try {
            log.info("Graph refused the access token of connection {}: renewing it once", mailbox);
            return Optional.of(tokens.renewRefused(connection.get(), refused).reveal());
        } catch (ConnectionUnavailableException e) {
            log.info("Connection {} has no new access token: {}", mailbox, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void refusedAgain(String mailbox) {
        connection(mailbox).ifPresent(tokens::refusedAfterRenewal);
    }

    private static Optional<ConnectionId> connection(String mailbox) {
        try {
            return Optional.of(new ConnectionId(UUID.fromString(mailbox)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
