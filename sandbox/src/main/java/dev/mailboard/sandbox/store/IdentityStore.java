package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Registered apps, refresh tokens and each user's "tokens valid from" time (set on revocation). */
public final class IdentityStore {

    private final ConcurrentMap<String, AppRegistration> apps = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> validFrom = new ConcurrentHashMap<>();
    private final StateChanges changes;

    public IdentityStore(StateChanges changes) {
        this.changes = changes;
    }

    /** Registers or replaces an app. */
    public void putApp(AppRegistration app) {
        apps.put(app.clientId(), app);
        changes.changed();
    }

    /** Finds an app by client id. */
    public Optional<AppRegistration> app(String clientId) {
        return Optional.ofNullable(apps.get(clientId));
    }

    /** Stores a refresh token. */
    public void putRefreshToken(RefreshGrant grant) {
        refreshTokens.put(grant.tokenHash(), grant);
        changes.changed();
    }

    /** Finds a refresh token by the hash of its value. */
    public Optional<RefreshGrant> refreshToken(String hash) {
        return Optional.ofNullable(refreshTokens.get(hash));
    }

    /** Marks every token of the user issued before {@code when} as revoked. */
    public void revokeAll(String userId, Instant when) {
        validFrom.put(userId, when);
        changes.changed();
    }

    /** Forgets used refresh tokens last used before {@code cutoff}, so rotation does not grow memory forever. */
    public void pruneUsed(Instant cutoff) {
        refreshTokens.values().removeIf(g -> g.used() && g.lastUsedAt().isBefore(cutoff));
    }

    /** The time before which the user's tokens are revoked, if any. */
    public Optional<Instant> validFrom(String userId) {
        return Optional.ofNullable(validFrom.get(userId));
    }

    Collection<AppRegistration> appsSnapshot() {
        return apps.values();
    }

    Collection<RefreshGrant> refreshSnapshot() {
        return refreshTokens.values();
    }

    Map<String, Instant> validFromSnapshot() {
        return Map.copyOf(validFrom);
    }

    void restore(Collection<AppRegistration> storedApps, Collection<RefreshGrant> grants, Map<String, Instant> from) {
        storedApps.forEach(a -> apps.put(a.clientId(), a));
        grants.forEach(g -> refreshTokens.put(g.tokenHash(), g));
        validFrom.putAll(from);
    }
}
