package dev.mailboard.sandbox.store;

import java.util.List;

/** An app registered with the sandbox identity platform; only a hash of its secret is kept. */
public record AppRegistration(String clientId, String secretHash, String displayName, List<String> redirectUris) {

    @Override
    public String toString() {
        return "AppRegistration[clientId=" + clientId + ", displayName=" + displayName + "]";
    }
}
