package dev.mailboard.app.mail.graph;

import java.util.Optional;

/**
 * What the Graph client does when Graph refuses an access token (401): get a new one for the mailbox at once,
 * and say so when Graph refuses the new one too. Implemented where tokens are known (the mail module, with the
 * connections module's tokens); the client never stores a token.
 */
public interface GraphTokenRenewal {

    /**
     * A new access token after Graph refused {@code refused}, refreshed now unless another caller already did.
     *
     * @param mailbox the mailbox key of the call (the connection id)
     * @param refused the token Graph refused
     * @return the new token, or empty when there is none (the connection needs reconnecting, or is gone)
     */
    Optional<String> renew(String mailbox, String refused);

    /**
     * Graph refused a token that was just renewed: the grant no longer works.
     *
     * @param mailbox the mailbox key of the call (the connection id)
     */
    void refusedAgain(String mailbox);
}
