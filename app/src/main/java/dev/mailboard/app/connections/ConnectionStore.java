package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.TokenVault;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a checked grant: a new connection, or the same connection again for the same user and mailbox. */
@Component
class ConnectionStore {

    private final ConnectionRepository connections;
    private final TokenVault vault;
    private final ApplicationEventPublisher events;
    private final ConnectionAudit audit;
    private final Clock clock;

    ConnectionStore(
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

    @Transactional
    ConnectionView connected(CurrentUser user, String mailbox, OAuthTokens tokens) {
        Instant now = clock.instant();
        Optional<ConnectionView> existing = connections.findMailbox(user.accountId(), user.userId(), mailbox);
        if (existing.isEmpty()) {
            ConnectionView created = new ConnectionView(
                    ConnectionId.random(),
                    user.accountId(),
                    user.userId(),
                    mailbox,
                    ConnectionStatus.ACTIVE,
                    tokens.scopes(),
                    now,
                    null,
                    null);
            connections.insert(created);
            vault.store(user.accountId(), created.id(), tokens);
            audit.connected(user, created, "connection.connected");
            events.publishEvent(new ConnectionEstablished(created.id(), user.accountId(), user.userId(), mailbox, now));
            return created;
        }
        ConnectionView before = existing.get();
        connections.reconnected(before.id(), tokens.scopes(), now);
        vault.store(user.accountId(), before.id(), tokens);
        ConnectionView after = connections.find(before.id()).orElseThrow();
        if (before.status() == ConnectionStatus.NEEDS_RECONNECT) {
            audit.connected(user, after, "connection.reconnected");
            events.publishEvent(
                    new ConnectionRestored(before.id(), user.accountId(), user.userId(), before.accessLostAt(), now));
        } else {
            audit.connected(user, after, "connection.consent-renewed");
        }
        return after;
    }
}
