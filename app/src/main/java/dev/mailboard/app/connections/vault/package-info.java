/**
 * The token vault: OAuth tokens of each connection, encrypted at rest by envelope encryption with Google
 * Tink (a data key per connection, wrapped by a key-encryption key from a local keyset or HashiCorp Vault
 * Transit), or kept in HashiCorp Vault KV v2. Internal to the {@code connections} module; start at
 * {@link dev.mailboard.app.connections.vault.TokenVault}.
 */
@NullMarked
package dev.mailboard.app.connections.vault;

import org.jspecify.annotations.NullMarked;
