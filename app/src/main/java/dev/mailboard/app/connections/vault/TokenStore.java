package dev.mailboard.app.connections.vault;

import java.util.Optional;

/** Where the tokens of connections are kept; {@link TokenVault} is its public face. */
interface TokenStore {

    Optional<StoredTokens> find(TokenOwner owner);

    StoredTokens put(TokenOwner owner, OAuthTokens tokens);

    StoredTokens replace(TokenOwner owner, long expectedVersion, OAuthTokens tokens);

    boolean destroy(TokenOwner owner);

    RewrapReport rewrap(KeyRotation.Progress progress);
}
