package dev.mailboard.app.connections.vault;

import dev.mailboard.app.connections.ConnectionId;

/**
 * A {@link TokenVault#replace} lost a compare-and-set race: the stored tokens are no longer at the
 * expected version (someone else refreshed them, or they were destroyed), and nothing was written. Read
 * them again with {@link TokenVault#find} and use what is stored (S-16).
 */
public class TokenVersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ConnectionId connection;
    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param connection the connection whose tokens were to be replaced
     * @param expectedVersion the version the writer expected
     */
    public TokenVersionConflictException(ConnectionId connection, long expectedVersion) {
        super("The tokens of connection " + connection + " are no longer at version " + expectedVersion
                + "; nothing was written");
        this.connection = connection;
        this.expectedVersion = expectedVersion;
    }

    /**
     * The connection.
     *
     * @return its id
     */
    public ConnectionId connection() {
        return connection;
    }

    /**
     * The version the losing writer expected.
     *
     * @return the version
     */
    public long expectedVersion() {
        return expectedVersion;
    }
}
