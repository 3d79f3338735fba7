/**
 * Mailbox connections: the OAuth 2.0 grants that let Mailboard read (and, when allowed, send) mail of a
 * Microsoft 365 mailbox, and the encrypted vault their tokens live in. Other modules use {@link
 * dev.mailboard.app.connections.Connections}, {@link dev.mailboard.app.connections.AccessTokens} and the
 * connection events.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "operations", "jobs", "jobs :: spi"})
package dev.mailboard.app.connections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
