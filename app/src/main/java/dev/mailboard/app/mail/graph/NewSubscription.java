package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to create. {@link #toString()} leaves out the clientState.
 *
 * @param changeType for example {@code created}
 * @param notificationUrl https URL of the notification endpoint
 * @param lifecycleNotificationUrl https URL of the lifecycle endpoint
 * @param resource for example {@code me/mailFolders('Inbox')/messages}
 * @param expirationDateTime the requested expiry (Graph may shorten or raise it)
 * @param clientState the secret Graph echoes (at most 128 characters)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewSubscription(
        String changeType,
        String notificationUrl,
        @Nullable String lifecycleNotificationUrl,
        String resource,
        Instant expirationDateTime,
        String clientState) {

    /** The Inbox resource, so that notifications come only for Inbox mail. */
    public static final String INBOX_MESSAGES = "me/mailFolders('Inbox')/messages";

    public NewSubscription {
        if (clientState.length() > 128) {
            throw new IllegalArgumentException("clientState must be at most 128 characters");
        }
    }

    @Override
    public String toString() {
        return "NewSubscription[changeType=" + changeType + ", resource=" + resource + ", notificationUrl="
                + notificationUrl + ", expirationDateTime=" + expirationDateTime + "]";
    }
}
