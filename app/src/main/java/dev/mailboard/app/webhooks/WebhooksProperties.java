package dev.mailboard.app.webhooks;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhook edge.
 *
 * @param maxBatchItems notifications one POST may carry; more are refused with 413
 * @param backlogCapacity pending inbox entries above which the edge answers 503 so Graph retries later
 * @param backlogCheckInterval how often the backlog is counted (never per request)
 * @param validationTokenMaxLength the longest {@code validationToken} echoed
 * @param jwksUri where the identity platform publishes the keys that sign {@code validationTokens}
 * @param appId the application (client) id that {@code validationTokens} must be issued for
 */
@ConfigurationProperties("mailboard.webhooks")
public record WebhooksProperties(
        @DefaultValue("1000") int maxBatchItems,
        @DefaultValue("100000") long backlogCapacity,
        @DefaultValue("1s") Duration backlogCheckInterval,
        @DefaultValue("1024") int validationTokenMaxLength,

        @DefaultValue("https://login.microsoftonline.com/common/discovery/v2.0/keys")
        URI jwksUri,

        @Nullable String appId) {}
