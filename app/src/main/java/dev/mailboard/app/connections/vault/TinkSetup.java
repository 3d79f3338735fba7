package dev.mailboard.app.connections.vault;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD key types once per JVM. */
final class TinkSetup {

    private static volatile boolean registered;

    private TinkSetup() {}

    static void register() {
        if (registered) {
            return;
        }
        synchronized (TinkSetup.class) {
            try {
                AeadConfig.register();
                registered = true;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Tink's AEAD primitives are not available in this JVM", e);
            }
        }
    }
}
