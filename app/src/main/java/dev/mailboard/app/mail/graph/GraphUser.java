package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user ({@code GET /me}).
 *
 * @param id the user's object id
 * @param mail the primary SMTP address, if any
 * @param userPrincipalName the sign-in name
 * @param displayName the display name
 */
public record GraphUser(
        String id,
        @Nullable String mail,
        @Nullable String userPrincipalName,
        @Nullable String displayName) {

    /** The mailbox address: {@code mail}, else the user principal name. */
    public String address() {
        return mail != null && !mail.isBlank() ? mail : String.valueOf(userPrincipalName);
    }
}
