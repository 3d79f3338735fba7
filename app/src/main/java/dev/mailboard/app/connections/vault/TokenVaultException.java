package dev.mailboard.app.connections.vault;

import org.jspecify.annotations.Nullable;

/**
 * A token operation failed closed: the tokens could not be decrypted (altered, moved to another
 * connection, or their data key is destroyed), or the key service or Vault failed. Nothing is cached or
 * retried with another key (S-40). The message names the connection, never a token or key.
 */
public class TokenVaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without secrets
     */
    public TokenVaultException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, without secrets
     * @param cause the underlying failure, whose message holds no secret
     */
    public TokenVaultException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
