package dev.mailboard.app.connections;

import dev.mailboard.app.jobs.spi.RecurringJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Refreshes access tokens a margin before they expire, in the background (once across instances). */
@Component
class TokenRefreshJob implements RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(TokenRefreshJob.class);

    private final ConnectionRepository connections;
    private final AccessTokens tokens;
    private final Clock clock;
    private final OAuthProperties properties;

    TokenRefreshJob(ConnectionRepository connections, AccessTokens tokens, Clock clock, OAuthProperties properties) {
        this.connections = connections;
        this.tokens = tokens;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "refresh-connection-tokens";
    }

    @Override
    public Duration interval() {
        return properties.refreshInterval();
    }

    @Override
    public void run() {
        for (ConnectionId id : connections.expiringBefore(
                clock.instant().plus(properties.refreshMargin()).plus(properties.refreshInterval()))) {
            try {
                tokens.freshToken(id);
            } catch (ConnectionUnavailableException e) {
                log.info("Connection {} could not be refreshed: {}", id, e.reason());
            }
        }
    }
}
