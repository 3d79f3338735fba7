package dev.mailboard.app.connections.vault;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The key rotation commands: {@code --mailboard.connections.rotate=true} adds a new key-encryption key
 * version, {@code --mailboard.connections.rewrap=true} re-wraps every data key with the current version;
 * given together, rotation runs first. Mailboard keeps running afterwards. See docs/token-vault.md.
 */
@Component
class KeyRotationCommand implements ApplicationRunner {

    private final ConnectionsProperties properties;
    private final KeyRotation rotation;

    KeyRotationCommand(ConnectionsProperties properties, KeyRotation rotation) {
        this.properties = properties;
        this.rotation = rotation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.rotate()) {
            rotation.rotate();
        }
        if (properties.rewrap()) {
            rotation.rewrap();
        }
    }
}
