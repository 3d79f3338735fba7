package dev.mailboard.app.accounts;

import java.time.Instant;

/**
 * A new invitation with its one-time token. The token is shown to the inviting admin once and is
 * never stored in plain text; {@link #toString()} leaves it out.
 *
 * @param user the invited user (status {@code invited})
 * @param token the secret for the link {@code /invitations/{token}}
 * @param expiresAt when the link stops working
 * @param link the absolute link, built from Mailboard's configured public URL (never from the request)
 */
public record IssuedInvitation(UserView user, String token, Instant expiresAt, String link) {

    /**
     * The path of the link the invitee opens.
     *
     * @return {@code /invitations/<token>}
     */
    public String path() {
        return "/invitations/" + token;
    }

    @Override
    public String toString() {
        return "IssuedInvitation[user=" + user.email() + ", token=<redacted>, expiresAt=" + expiresAt
                + ", link=<redacted>]";
    }
}
