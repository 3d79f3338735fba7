package dev.mailboard.app.connections.vault;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.util.Optional;

/**
 * The OAuth tokens of every connection, encrypted at rest (or kept in Vault KV v2); plaintext exists only
 * in the returned objects, in memory, for the duration of a call (S-41). Every method fails closed with a
 * {@link TokenVaultException} when the tokens cannot be decrypted or the key service fails (S-40).
 *
 * <p>A connection is identified by its account and id together: asking with another account's id finds
 * nothing, and a ciphertext moved to another connection does not decrypt (S-35).
 */
public final class TokenVault {

    private final TokenStore store;

    TokenVault(TokenStore store) {
        this.store = store;
    }

    /**
     * Stores the tokens of a fresh grant (connect or reconnect), replacing whatever the connection had,
     * whatever its version. The connection gets a data key of its own on its first store.
     *
     * @param account the account the connection belongs to
     * @param connection the connection
     * @param tokens the granted tokens; a null refresh token stores none
     * @return the stored tokens and their new version
     */
    public StoredTokens store(AccountId account, ConnectionId connection, OAuthTokens tokens) {
        return store.put(new TokenOwner(account, connection), tokens);
    }

    /**
     * Reads and decrypts the tokens of a connection.
     *
     * @param account the account the connection belongs to
     * @param connection the connection
     * @return the tokens with their version, or empty when none are stored for this account and connection
     */
    public Optional<StoredTokens> find(AccountId account, ConnectionId connection) {
        return store.find(new TokenOwner(account, connection));
    }

    /**
     * Replaces the tokens after a refresh, atomically and only if they are still at the version read
     * (compare-and-set, S-12, S-16). A refresh response without a refresh token keeps the stored one.
     *
     * @param account the account the connection belongs to
     * @param connection the connection
     * @param expectedVersion the {@link StoredTokens#version()} the refresh started from
     * @param tokens the refreshed tokens; a null refresh token keeps the stored refresh token
     * @return the stored tokens (with the kept refresh token) and their new version
     * @throws TokenVersionConflictException when another writer got there first or the tokens were
     *     destroyed; nothing was written: read them again and use what is stored
     */
    public StoredTokens replace(AccountId account, ConnectionId connection, long expectedVersion, OAuthTokens tokens) {
        return store.replace(new TokenOwner(account, connection), expectedVersion, tokens);
    }

    /**
     * Destroys the tokens of a connection and its data key, so that even an earlier copy of its token
     * rows can no longer be decrypted; in Vault KV v2 mode every version of its secret is deleted (S-18,
     * S-38).
     *
     * @param account the account the connection belongs to
     * @param connection the connection
     * @return whether anything was stored
     */
    public boolean destroy(AccountId account, ConnectionId connection) {
        return store.destroy(new TokenOwner(account, connection));
    }
}
