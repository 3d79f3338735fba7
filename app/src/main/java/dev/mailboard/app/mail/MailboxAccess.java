package dev.mailboard.app.mail;

import dev.mailboard.app.connections.AccessTokens;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.mail.graph.GraphAccess;
import org.springframework.stereotype.Component;

/** A {@link GraphAccess} for a connection, with a fresh token, built for one piece of work and then dropped. */
@Component
class MailboxAccess {

    private final AccessTokens tokens;

    MailboxAccess(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Access for a connection's mailbox.
     *
     * @throws ConnectionUnavailableException when the connection cannot be used now
     */
    GraphAccess open(ConnectionId connection) {
        return new GraphAccess(
                connection.toString(), tokens.freshToken(connection).reveal());
    }
}
