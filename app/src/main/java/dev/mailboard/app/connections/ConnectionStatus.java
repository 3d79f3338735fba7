package dev.mailboard.app.connections;

import java.util.Locale;

/** Whether a connection can be used. A disconnected connection no longer exists. */
public enum ConnectionStatus {
    /** Tokens work; integrations may use the connection. */
    ACTIVE,
    /** The provider refused the grant (revoked, consent withdrawn): the owner has to connect again. */
    NEEDS_RECONNECT;

    /**
     * The code stored in the database and shown in the API.
     *
     * @return for example {@code needs_reconnect}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConnectionStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
