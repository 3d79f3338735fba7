package dev.mailboard.app.recipes;

import dev.mailboard.app.connections.ConnectionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mail to send from an item.
 *
 * @param connectionId your mailbox connection to send from; it must have {@code Mail.Send}
 * @param to the recipients, typed or from the item's email columns; empty: the item's email columns
 * @param subject the subject; null or blank: the item token and name, for example {@code [#1234] Order 5}
 * @param body the body (HTML, sanitized; plain text is fine)
 */
public record ItemEmail(
        ConnectionId connectionId,
        List<String> to,
        @Nullable String subject,
        String body) {

    /** Copies the recipients. */
    public ItemEmail {
        to = List.copyOf(to);
    }
}
