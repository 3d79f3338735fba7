package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who created or changed something, as stored: a user, or an integration with the email address
 * the content came from.
 *
 * @param kind {@code user} or {@code integration}
 * @param userId the user (for an integration, the user it acted for), when known
 * @param name the user's display name or the integration's name at the time
 * @param sourceEmail for an integration, the sender of the email; otherwise null
 */
public record Author(
        String kind,
        @Nullable UserId userId,
        String name,
        @Nullable String sourceEmail) {

    /** The kind of a user author. */
    public static final String USER = "user";

    /** The kind of an integration author. */
    public static final String INTEGRATION = "integration";

    /**
     * How the author is shown: the user's name, or "via email from ..." for an integration.
     *
     * @return the label
     */
    public String label() {
        if (INTEGRATION.equals(kind)) {
            return sourceEmail == null ? name : "via email from " + sourceEmail;
        }
        return name;
    }
}
