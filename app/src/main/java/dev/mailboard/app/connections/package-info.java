/**
 * Mailbox connections: the OAuth 2.0 grants that let Mailboard read (and, when allowed, send) mail of a
 * Microsoft 365 mailbox, and the encrypted vault their tokens live in.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "operations"})
package dev.mailboard.app.connections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
