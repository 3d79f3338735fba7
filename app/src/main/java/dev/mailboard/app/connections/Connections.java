package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UnknownIdException;
import dev.mailboard.app.connections.vault.TokenVault;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailbox connections of an account: listing, finding and disconnecting. A user sees and may
 * disconnect their own connections; an account admin sees and may revoke every connection of the account
 * (S-50). Another account's connection, or for a member someone else's, is unknown (404).
 */
@Service
public class Connections {

    private final ConnectionRepository connections;
    private final TokenVault vault;
    private final ApplicationEventPublisher events;
    private final ConnectionAudit audit;
    private final Clock clock;

    Connections(
            ConnectionRepository connections,
            TokenVault vault,
            ApplicationEventPublisher events,
            ConnectionAudit audit,
            Clock clock) {
        this.connections = connections;
        this.vault = vault;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The user's own connections.
     *
     * @param user the signed-in user
     * @return their connections
     */
    @Transactional(readOnly = true)
    public List<ConnectionView> listFor(CurrentUser user) {
        return connections.ofOwner(user.accountId(), user.userId());
    }

    /**
     * Every connection of the admin's account.
     *
     * @param admin the signed-in user; must be an admin
     * @return the account's connections
     * @throws dev.mailboard.app.accounts.PermissionDeniedException when the user is not an admin
     */
    @Transactional(readOnly = true)
    public List<ConnectionView> listForAccount(CurrentUser admin) {
        if (!admin.isAdmin()) {
            throw new dev.mailboard.app.accounts.PermissionDeniedException(
                    "Only account admins see every connection of the account.");
        }
        return connections.ofAccount(admin.accountId());
    }

    /**
     * A connection the user may see: their own, or any of the account for an admin.
     *
     * @param user the signed-in user
     * @param id the connection
     * @return the connection
     * @throws UnknownIdException when there is none the user may see
     */
    @Transactional(readOnly = true)
    public ConnectionView get(CurrentUser user, ConnectionId id) {
        return connections
                .find(user.accountId(), id)
                .filter(c -> user.isAdmin() || c.isOwnedBy(user.userId()))
                .orElseThrow(() -> new UnknownIdException("There is no connection " + id + " in your account."));
    }

    /**
     * Finds a connection by id alone, for background work (a recipe must still check that its owner is the
     * connection's owner, S-48).
     *
     * @param id the connection
     * @return the connection, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<ConnectionView> find(ConnectionId id) {
        return connections.find(id);
    }

    /**
     * Disconnects: publishes {@link ConnectionDisconnecting} while the tokens still work (the Graph
     * subscriptions are deleted then), destroys the tokens and their data key, deletes the connection and
     * publishes {@link ConnectionRemoved} (S-18). The owner or an account admin may do it.
     *
     * @param user the signed-in user
     * @param id the connection
     * @throws UnknownIdException when there is none the user may see
     */
    @Transactional
    public void disconnect(CurrentUser user, ConnectionId id) {
        ConnectionView connection = get(user, id);
        events.publishEvent(new ConnectionDisconnecting(id, connection.accountId()));
        vault.destroy(connection.accountId(), id);
        connections.delete(id);
        audit.disconnected(user, connection);
        events.publishEvent(new ConnectionRemoved(
                id, connection.accountId(), connection.ownerId(), connection.mailboxAddress(), clock.instant()));
    }
}
