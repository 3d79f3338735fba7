package dev.mailboard.app.connections.vault;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.nio.charset.StandardCharsets;

/**
 * The connection a set of tokens belongs to, and the associated data that binds each ciphertext to it
 * (S-35): a ciphertext moved to another connection, account or purpose fails to decrypt.
 */
record TokenOwner(AccountId account, ConnectionId connection) {

    /** What a ciphertext holds; part of its associated data. */
    enum Purpose {
        ACCESS("access"),
        REFRESH("refresh"),
        DATA_KEY("data-key");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    byte[] associatedData(Purpose purpose) {
        return ("mailboard-token-vault/v1|account=" + account.value() + "|connection=" + connection.value()
                        + "|purpose=" + purpose.label)
                .getBytes(StandardCharsets.UTF_8);
    }
}
