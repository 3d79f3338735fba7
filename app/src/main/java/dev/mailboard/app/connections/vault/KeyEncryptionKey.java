package dev.mailboard.app.connections.vault;

/**
 * The key-encryption key (KEK) that wraps every connection's data key. Implementations fail closed with
 * a {@link TokenVaultException}: there is no fallback key and no cache of unwrapped keys (S-40).
 */
interface KeyEncryptionKey {

    /**
     * Encrypts a data key with the current (primary) KEK version.
     *
     * @param dataKey the serialized data key; the caller wipes it afterwards
     * @param associatedData binds the wrapped key to its connection where the KEK supports it
     * @return the wrapped key with the id of the KEK version used
     */
    WrappedKey wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts a wrapped data key with whichever KEK version wrapped it.
     *
     * @param wrapped the wrapped key
     * @param associatedData as given to {@link #wrap}
     * @return the serialized data key; the caller wipes it afterwards
     */
    byte[] unwrap(WrappedKey wrapped, byte[] associatedData);

    /**
     * Wraps a data key again with the current KEK version.
     *
     * @param wrapped the wrapped key, possibly under an older version
     * @param associatedData as given to {@link #wrap}
     * @return the key wrapped under the current version
     */
    WrappedKey rewrap(WrappedKey wrapped, byte[] associatedData);

    /**
     * The id of the KEK version new data keys are wrapped with.
     *
     * @return for example {@code local:1234567}
     */
    String currentKeyId();

    /**
     * Adds a new KEK version and makes it current; older versions still unwrap.
     *
     * @return the new current key id
     */
    String rotate();

    /**
     * Where the KEK lives, for messages.
     *
     * @return for example {@code local keyset file /data/token-keyset.json}
     */
    String description();
}
