package dev.mailboard.app.connections.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mailbox connections: your own, and for admins every connection of the account. Never a token. */
@RestController
@RequestMapping("/api/v1/connections")
@Tag(name = "Connections", description = "Connected Outlook mailboxes (connect in the web app, /integrations)")
class ConnectionsRestController {

    private final Connections connections;

    ConnectionsRestController(Connections connections) {
        this.connections = connections;
    }

    @GetMapping
    @Operation(summary = "List your connections")
    List<Connection> list(CurrentUser user) {
        return connections.listFor(user).stream().map(Connection::of).toList();
    }

    @GetMapping("/all")
    @Operation(summary = "List every connection of the account (admins only)")
    List<Connection> all(CurrentUser admin) {
        return connections.listForAccount(admin).stream().map(Connection::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one connection (yours, or any of the account for admins)")
    Connection get(CurrentUser user, @PathVariable UUID id) {
        return Connection.of(connections.get(user, new ConnectionId(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Disconnect (owner) or revoke (admin) a connection",
            description = "Destroys its tokens and their data key; integrations using it stop.")
    void delete(CurrentUser user, @PathVariable UUID id) {
        connections.disconnect(user, new ConnectionId(id));
    }

    /**
     * A connection.
     *
     * @param id its id
     * @param ownerId the user who connected it; only their integrations may use it
     * @param mailbox the mailbox address
     * @param status {@code active} or {@code needs_reconnect}
     * @param scopes the granted scopes
     * @param connectedAt when it was connected
     * @param lastRefreshAt when its token was last refreshed
     * @param accessLostAt when the provider last refused its grant
     */
    record Connection(
            String id,
            String ownerId,
            String mailbox,
            String status,
            List<String> scopes,
            Instant connectedAt,
            @Nullable Instant lastRefreshAt,
            @Nullable Instant accessLostAt) {

        static Connection of(ConnectionView c) {
            return new Connection(
                    c.id().toString(),
                    c.ownerId().toString(),
                    c.mailboxAddress(),
                    c.status().code(),
                    List.copyOf(c.scopes()),
                    c.connectedAt(),
                    c.lastRefreshAt(),
                    c.accessLostAt());
        }
    }
}
