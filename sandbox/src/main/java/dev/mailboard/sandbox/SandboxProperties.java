package dev.mailboard.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox under the {@code mailboard.sandbox} prefix.
 *
 * @param enabled whether the sandbox runs inside the host application
 * @param dataDir where the state snapshot, signing key and generated secret live; {@code null} keeps all in memory
 * @param baseUrl public base URL of the sandbox (scheme, host, port); {@code null} derives it from each request
 * @param tenantId the sandbox tenant's GUID
 * @param tenantDomain the sandbox tenant's domain
 * @param app the app registered at start
 * @param subscriptionMaxMinutes longest subscription lifetime accepted
 * @param richSubscriptionMaxMinutes longest lifetime accepted for a subscription with resource data
 * @param notificationRetryHorizon how long a failing notification is retried
 * @param notificationRetryInitialDelay first retry delay, doubled on every further failure
 * @param notificationTimeout how long the sandbox waits for a notification or validation answer
 * @param notificationBatchSize most notifications in one POST
 * @param requireHttpsNotificationUrl whether plain-http notification URLs are refused even on loopback
 * @param accessTokenLifetimeMin shortest access-token lifetime
 * @param accessTokenLifetimeMax longest access-token lifetime
 * @param refreshTokenInactivity how long an unused refresh token stays valid
 * @param revokeRotatedRefreshTokens whether a refresh token stops working once it was used
 * @param throttle the Outlook limits per app and mailbox
 * @param deliveryThreads size of the notification worker pool
 */
@ConfigurationProperties("mailboard.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable Path dataDir,
        @Nullable URI baseUrl,

        @DefaultValue("6d1f0c3e-5a7b-4e2d-9c8f-1b2a3c4d5e6f")
        String tenantId,

        @DefaultValue("sandbox.onmicrosoft.test") String tenantDomain,
        @DefaultValue App app,
        @DefaultValue("10080") long subscriptionMaxMinutes,
        @DefaultValue("1440") long richSubscriptionMaxMinutes,
        @DefaultValue("4h") Duration notificationRetryHorizon,
        @DefaultValue("5s") Duration notificationRetryInitialDelay,
        @DefaultValue("10s") Duration notificationTimeout,
        @DefaultValue("100") int notificationBatchSize,
        @DefaultValue("false") boolean requireHttpsNotificationUrl,
        @DefaultValue("3600s") Duration accessTokenLifetimeMin,
        @DefaultValue("5400s") Duration accessTokenLifetimeMax,
        @DefaultValue("90d") Duration refreshTokenInactivity,
        @DefaultValue("false") boolean revokeRotatedRefreshTokens,
        @DefaultValue Throttle throttle,
        @DefaultValue("4") int deliveryThreads) {

    /**
     * The app registered at start.
     *
     * @param clientId its client id
     * @param clientSecret its secret; blank makes the sandbox generate one and keep it in the data directory
     * @param displayName the name the consent page shows
     * @param redirectUris allowed redirect URIs; empty accepts any http://localhost or http://127.0.0.1 URI
     */
    public record App(
            @DefaultValue("mailboard-sandbox-app") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("Mailboard") String displayName,
            @DefaultValue List<String> redirectUris) {

        @Override
        public String toString() {
            return "App[clientId=" + clientId + ", displayName=" + displayName + ", redirectUris=" + redirectUris + "]";
        }
    }

    /**
     * Outlook's limits per app and mailbox.
     *
     * @param enabled whether limits are enforced
     * @param maxConcurrent concurrent requests allowed
     * @param maxRequests requests allowed per window
     * @param window the counting window
     */
    public record Throttle(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("10000") int maxRequests,
            @DefaultValue("10m") Duration window) {}
}
