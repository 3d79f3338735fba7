package dev.mailboard.app.connections.vault;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;

/**
 * The decrypted tokens of a connection and the version they are stored at. Pass the version to
 * {@link TokenVault#replace} to replace them only if nobody else has meanwhile (S-12, S-16).
 *
 * @param account the account the connection belongs to
 * @param connection the connection
 * @param tokens the tokens, in plaintext, in memory only
 * @param version the stored version, starting at 1 and growing with every write
 */
public record StoredTokens(AccountId account, ConnectionId connection, OAuthTokens tokens, long version) {

    @Override
    public String toString() {
        return "StoredTokens[account=" + account + ", connection=" + connection + ", tokens=" + tokens + ", version="
                + version + "]";
    }
}
