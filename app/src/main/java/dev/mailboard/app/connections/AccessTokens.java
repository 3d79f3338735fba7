package dev.mailboard.app.connections;

import dev.mailboard.app.connections.ConnectionUnavailableException.Reason;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.connections.vault.StoredTokens;
import dev.mailboard.app.connections.vault.TokenVault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh access tokens for background work and requests; never a refresh token. A token expiring within
 * the margin is refreshed first. One expired connection causes one token request, across threads (a lock
 * per connection) and across instances sharing the database (the connection row is locked with
 * {@code SELECT ... FOR UPDATE} around re-read, refresh and compare-and-set replace) (S-15, S-16).
 */
@Service
public class AccessTokens {

    private final ConnectionRepository connections;
    private final TokenVault vault;
    private final TokenRefresh refresh;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration margin;
    private final Map<ConnectionId, ReentrantLock> locks = new ConcurrentHashMap<>();

    AccessTokens(
            ConnectionRepository connections,
            TokenVault vault,
            TokenRefresh refresh,
            PlatformTransactionManager transactionManager,
            Clock clock,
            OAuthProperties properties) {
        this.connections = connections;
        this.vault = vault;
        this.refresh = refresh;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.margin = properties.refreshMargin();
    }

    /**
     * An access token valid for at least the refresh margin (S-17).
     *
     * @param id the connection
     * @return the token
     * @throws ConnectionUnavailableException when the connection needs reconnecting or was removed (do not
     *     retry), or the provider is failing for now ({@link ConnectionUnavailableException#isTransient()})
     */
    public AccessToken freshToken(ConnectionId id) {
        ConnectionView connection = connections.find(id).orElseThrow(() -> removed(id));
        requireActive(connection);
        StoredTokens stored = vault.find(connection.accountId(), id).orElseThrow(() -> removed(id));
        if (!stored.tokens().isAccessTokenExpiring(clock.instant(), margin)) {
            return token(id, stored.tokens());
        }
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            // The state changes of a failed refresh (needs reconnect, failing since) must commit, so the
            // exception is carried out of the transaction rather than thrown through it.
            Refreshed refreshed = transactions.execute(status -> {
                try {
                    return new Refreshed(refreshLocked(id), null);
                } catch (ConnectionUnavailableException e) {
                    return new Refreshed(null, e);
                }
            });
            OAuthTokens tokens = refreshed == null ? null : refreshed.tokens();
            if (tokens == null) {
                ConnectionUnavailableException failure = refreshed == null ? null : refreshed.failure();
                throw failure == null ? removed(id) : failure;
            }
            return token(id, tokens);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new access token after the resource server refused {@code refused} (Graph's 401): refreshed at once,
     * whatever its expiry time says, unless another caller already replaced the refused one. A refused grant
     * switches the connection to "needs reconnect" as any refresh does (S-13).
     *
     * @param id the connection
     * @param refused the access token that was refused
     * @return the new token
     * @throws ConnectionUnavailableException as {@link #freshToken}
     */
    public AccessToken renewRefused(ConnectionId id, String refused) {
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            Refreshed refreshed = transactions.execute(status -> {
                try {
                    ConnectionView connection = connections.lock(id).orElseThrow(() -> removed(id));
                    requireActive(connection);
                    StoredTokens stored = vault.find(connection.accountId(), id).orElseThrow(() -> removed(id));
                    boolean replacedMeanwhile = !MessageDigest.isEqual(
                            stored.tokens().accessToken().reveal().getBytes(StandardCharsets.UTF_8),
                            refused.getBytes(StandardCharsets.UTF_8));
                    return new Refreshed(
                            replacedMeanwhile ? stored.tokens() : refresh.refresh(connection, stored), null);
                } catch (ConnectionUnavailableException e) {
                    return new Refreshed(null, e);
                }
            });
            OAuthTokens tokens = refreshed == null ? null : refreshed.tokens();
            if (tokens == null) {
                ConnectionUnavailableException failure = refreshed == null ? null : refreshed.failure();
                throw failure == null ? removed(id) : failure;
            }
            return token(id, tokens);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The resource server refused an access token that was just renewed: the grant no longer works, so the
     * connection needs reconnecting (with its notices), and its integrations stop calling.
     *
     * @param id the connection
     */
    public void refusedAfterRenewal(ConnectionId id) {
        transactions.executeWithoutResult(status -> {
            ConnectionView connection = connections.lock(id).orElse(null);
            if (connection == null || connection.status() != ConnectionStatus.ACTIVE) {
                return;
            }
            try {
                refresh.lost(connection, "Graph refused a freshly refreshed access token (401)");
            } catch (ConnectionUnavailableException expected) {
                // lost() always throws: the connection is now marked, which is all this needed.
            }
        });
    }

    private record Refreshed(
            @Nullable OAuthTokens tokens, @Nullable ConnectionUnavailableException failure) {}

    private OAuthTokens refreshLocked(ConnectionId id) {
        ConnectionView connection = connections.lock(id).orElseThrow(() -> removed(id));
        requireActive(connection);
        StoredTokens stored = vault.find(connection.accountId(), id).orElseThrow(() -> removed(id));
        if (!stored.tokens().isAccessTokenExpiring(clock.instant(), margin)) {
            return stored.tokens();
        }
        return refresh.refresh(connection, stored);
    }

    private static void requireActive(ConnectionView connection) {
        if (connection.status() != ConnectionStatus.ACTIVE) {
            throw new ConnectionUnavailableException(
                    connection.id(), Reason.NEEDS_RECONNECT, "The connection needs to be reconnected by its owner.");
        }
    }

    private static AccessToken token(ConnectionId id, OAuthTokens tokens) {
        return new AccessToken(id, tokens.accessToken().reveal(), tokens.accessTokenExpiresAt());
    }

    private static ConnectionUnavailableException removed(ConnectionId id) {
        return new ConnectionUnavailableException(id, Reason.REMOVED, "There is no connection " + id + ".");
    }
}
