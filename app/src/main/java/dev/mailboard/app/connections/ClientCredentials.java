package dev.mailboard.app.connections;

import java.util.Map;

/**
 * How Mailboard proves who it is to a token endpoint: a client secret ({@code client_secret_post}), or a
 * certificate whose private key signs a short-lived client assertion ({@code private_key_jwt}, S-11).
 */
sealed interface ClientCredentials {

    /**
     * Adds the client authentication parameters to a token request's form.
     *
     * @param form the form, which already holds {@code client_id}
     * @param clientId the client id
     * @param tokenUri the token endpoint, the audience of an assertion
     */
    void addTo(Map<String, String> form, String clientId, String tokenUri);

    /**
     * A client secret.
     *
     * @param value the secret
     */
    record Secret(String value) implements ClientCredentials {

        @Override
        public void addTo(Map<String, String> form, String clientId, String tokenUri) {
            form.put("client_secret", value);
        }

        @Override
        public String toString() {
            return "Secret[redacted]";
        }
    }

    /**
     * A certificate and its private key.
     *
     * @param assertions signs client assertions with the key
     */
    record Certificate(ClientAssertions assertions) implements ClientCredentials {

        @Override
        public void addTo(Map<String, String> form, String clientId, String tokenUri) {
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", assertions.sign(clientId, tokenUri));
        }
    }
}
