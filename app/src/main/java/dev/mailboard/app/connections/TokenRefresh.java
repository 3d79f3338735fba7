package dev.mailboard.app.connections;

import dev.mailboard.app.connections.ConnectionUnavailableException.Reason;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.SecretToken;
import dev.mailboard.app.connections.vault.StoredTokens;
import dev.mailboard.app.connections.vault.TokenVault;
import dev.mailboard.app.connections.vault.TokenVersionConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One refresh of a locked connection: the token request with retries and backoff on timeouts, 5xx and 429
 * (S-14), the compare-and-set replace of the rotated tokens (S-12, S-16), and on a refused grant the switch
 * to "needs reconnect" after that single attempt (S-13). Runs inside the caller's transaction, which
 * commits the state changes even when a {@link ConnectionUnavailableException} follows.
 */
@Component
class TokenRefresh {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresh.class);

    /** The longest pause between two token requests of one refresh, which holds the connection's row lock. */
    static final Duration LONGEST_WAIT_UNDER_LOCK = Duration.ofSeconds(5);

    private final OAuthProvider provider;
    private final TokenEndpoint endpoint;
    private final TokenVault vault;
    private final ConnectionRepository connections;
    private final ConnectionAudit audit;
    private final ConnectionNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OAuthProperties properties;
    private final MeterRegistry meters;

    TokenRefresh(
            OAuthProvider provider,
            TokenEndpoint endpoint,
            TokenVault vault,
            ConnectionRepository connections,
            ConnectionAudit audit,
            ConnectionNotices notices,
            ApplicationEventPublisher events,
            Clock clock,
            OAuthProperties properties,
            MeterRegistry meters) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.vault = vault;
        this.notices = notices;
        this.connections = connections;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        meters.counter("mailboard.connections.token.refresh.failures", "outcome", "temporary");
        meters.counter("mailboard.connections.token.refresh.failures", "outcome", "needs_reconnect");
    }

    OAuthTokens refresh(ConnectionView connection, StoredTokens stored) {
        SecretToken refreshToken = stored.tokens().refreshToken();
        if (refreshToken == null) {
            return lost(connection, "no refresh token was granted (offline_access missing)");
        }
        List<String> scopes = List.copyOf(stored.tokens().scopes());
        Duration backoff = properties.refreshBackoff();
        TokenResult result = null;
        for (int attempt = 1; attempt <= Math.max(1, properties.refreshAttempts()); attempt++) {
            result = endpoint.refresh(provider.current(), refreshToken, scopes);
            if (!(result instanceof TokenResult.Failed failed) || attempt == properties.refreshAttempts()) {
                break;
            }
            Duration wait = failed.retryAfter().compareTo(backoff) > 0 ? failed.retryAfter() : backoff;
            if (wait.compareTo(LONGEST_WAIT_UNDER_LOCK) > 0) {
                // The connection row is locked while this runs: a long Retry-After is honoured by giving up
                // for now (callers retry later) rather than by holding the lock and a worker that long.
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait.toMillis()));
            backoff = backoff.multipliedBy(2);
        }
        if (result instanceof TokenResult.Granted granted) {
            return replaced(connection, stored, granted.tokens());
        }
        if (result instanceof TokenResult.Refused refused && refused.grantGone()) {
            return lost(connection, "the provider answered " + refused.error());
        }
        String reason = result instanceof TokenResult.Refused refused
                ? "the provider answered " + AuthorizationFlow.safeCode(refused.error())
                : result instanceof TokenResult.Failed failed ? failed.reason() : "no answer";
        connections.failing(connection.id(), clock.instant());
        meters.counter("mailboard.connections.token.refresh.failures", "outcome", "temporary")
                .increment();
        audit.refreshFailed(connection, reason);
        log.warn("Refreshing the token of connection {} failed for now: {}", connection.id(), reason);
        throw new ConnectionUnavailableException(
                connection.id(), Reason.TEMPORARILY_UNAVAILABLE, "Refreshing the access token failed: " + reason);
    }

    private OAuthTokens replaced(ConnectionView connection, StoredTokens stored, OAuthTokens fresh) {
        try {
            StoredTokens saved = vault.replace(connection.accountId(), connection.id(), stored.version(), fresh);
            connections.refreshed(connection.id(), saved.tokens().scopes(), clock.instant());
            return saved.tokens();
        } catch (TokenVersionConflictException e) {
            // Another writer won: never overwrite; use what is stored now (S-16).
            return vault.find(connection.accountId(), connection.id())
                    .map(StoredTokens::tokens)
                    .orElseThrow(() -> new ConnectionUnavailableException(
                            connection.id(), Reason.REMOVED, "The connection was removed."));
        }
    }

    /**
     * Switches the connection to "needs reconnect" with its audit entry, notices and event, and throws.
     *
     * @throws ConnectionUnavailableException always
     */
    OAuthTokens lost(ConnectionView connection, String reason) {
        Instant now = clock.instant();
        connections.needsReconnect(connection.id(), now);
        meters.counter("mailboard.connections.token.refresh.failures", "outcome", "needs_reconnect")
                .increment();
        audit.needsReconnect(connection, reason);
        notices.needsReconnect(connection, now);
        events.publishEvent(
                new ConnectionNeedsReconnect(connection.id(), connection.accountId(), connection.ownerId(), now, now));
        log.warn("Connection {} needs to be reconnected: {}", connection.id(), reason);
        throw new ConnectionUnavailableException(
                connection.id(), Reason.NEEDS_RECONNECT, "The provider refused the grant; the owner has to reconnect.");
    }
}
