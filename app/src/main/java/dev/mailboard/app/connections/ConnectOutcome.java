package dev.mailboard.app.connections;

import org.jspecify.annotations.Nullable;

/**
 * How a connect callback ended, for the page to show.
 *
 * @param connected whether a connection is now active
 * @param message what to tell the user; never a secret
 * @param returnTo the allowlisted relative path to go to
 * @param connection the connection, when connected
 */
public record ConnectOutcome(
        boolean connected,
        String message,
        String returnTo,
        @Nullable ConnectionId connection) {

    static ConnectOutcome failed(String message, String returnTo) {
        return new ConnectOutcome(false, message, returnTo, null);
    }
}
