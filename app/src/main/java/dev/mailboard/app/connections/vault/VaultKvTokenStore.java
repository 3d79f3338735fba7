package dev.mailboard.app.connections.vault;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tokens in HashiCorp Vault KV v2, one secret per connection at
 * {@code <mount>/data/<prefix>/<account>/<connection>}: writes use check-and-set, the secret's metadata
 * keeps at most {@code max-versions} (≤ 3) versions and requires check-and-set, and destroying deletes
 * the metadata so that every version goes (S-38, S-39). The KV version is the tokens' version.
 */
final class VaultKvTokenStore implements TokenStore {

    private static final int PUT_ATTEMPTS = 3;

    private final VaultHttp vault;
    private final String mount;
    private final String prefix;
    private final int maxVersions;

    VaultKvTokenStore(VaultHttp vault, String mount, String prefix, int maxVersions) {
        this.vault = vault;
        this.mount = mount;
        this.prefix = prefix;
        this.maxVersions = maxVersions;
    }

    @Override
    public Optional<StoredTokens> find(TokenOwner owner) {
        Optional<JsonNode> answer = vault.get("KV read of connection " + owner.connection(), path("data", owner));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode secret = answer.get().path("data").path("data");
        if (!secret.isObject()) {
            return Optional.empty();
        }
        if (!owner.account().value().toString().equals(secret.path("account_id").asString(""))
                || !owner.connection()
                        .value()
                        .toString()
                        .equals(secret.path("connection_id").asString(""))) {
            throw new TokenVaultException("The Vault secret of connection " + owner.connection()
                    + " names another connection: refusing to use it");
        }
        long version =
                answer.get().path("data").path("metadata").path("version").asLong(0);
        return Optional.of(new StoredTokens(owner.account(), owner.connection(), tokens(owner, secret), version));
    }

    @Override
    public StoredTokens put(TokenOwner owner, OAuthTokens tokens) {
        for (int attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
            long current = currentVersion(owner);
            if (current == 0) {
                vault.post(
                        "KV metadata write of connection " + owner.connection(),
                        path("metadata", owner),
                        Map.of("max_versions", maxVersions, "cas_required", true));
            }
            try {
                return write(owner, tokens, current);
            } catch (VaultHttp.CasConflictException e) {
                // Someone wrote in between: re-read the version and try again; a fresh grant wins.
            }
        }
        throw new TokenVaultException("The Vault secret of connection " + owner.connection() + " kept changing during "
                + PUT_ATTEMPTS + " check-and-set writes");
    }

    @Override
    @SuppressWarnings("UnusedException") // losing the check-and-set is an outcome, not a failure to trace
    public StoredTokens replace(TokenOwner owner, long expectedVersion, OAuthTokens tokens) {
        OAuthTokens toWrite = tokens;
        if (tokens.refreshToken() == null) {
            StoredTokens stored = find(owner)
                    .filter(found -> found.version() == expectedVersion)
                    .orElseThrow(() -> new TokenVersionConflictException(owner.connection(), expectedVersion));
            toWrite = tokens.withRefreshToken(stored.tokens().refreshToken());
        }
        try {
            return write(owner, toWrite, expectedVersion);
        } catch (VaultHttp.CasConflictException e) {
            throw new TokenVersionConflictException(owner.connection(), expectedVersion);
        }
    }

    @Override
    public boolean destroy(TokenOwner owner) {
        boolean existed = currentVersion(owner) > 0;
        vault.delete("KV metadata delete of connection " + owner.connection(), path("metadata", owner));
        return existed;
    }

    @Override
    public RewrapReport rewrap(KeyRotation.Progress progress) {
        progress.update(0, 0);
        return new RewrapReport(0, 0, 0, "none");
    }

    private long currentVersion(TokenOwner owner) {
        return vault.get("KV metadata read of connection " + owner.connection(), path("metadata", owner))
                .map(answer -> answer.path("data").path("current_version").asLong(0))
                .orElse(0L);
    }

    private StoredTokens write(TokenOwner owner, OAuthTokens tokens, long casVersion) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("account_id", owner.account().value().toString());
        secret.put("connection_id", owner.connection().value().toString());
        secret.put("access_token", tokens.accessToken().reveal());
        SecretToken refresh = tokens.refreshToken();
        if (refresh != null) {
            secret.put("refresh_token", refresh.reveal());
        }
        Instant expires = tokens.accessTokenExpiresAt();
        if (expires != null) {
            secret.put("access_token_expires_at", expires.toString());
        }
        secret.put("scopes", String.join(" ", tokens.scopes()));
        JsonNode answer = vault.post(
                "KV write of connection " + owner.connection(),
                path("data", owner),
                Map.of("options", Map.of("cas", casVersion), "data", secret));
        long version = answer.path("data").path("version").asLong(0);
        if (version < 1) {
            throw new TokenVaultException(
                    "Vault's KV write answer for connection " + owner.connection() + " has no version");
        }
        return new StoredTokens(owner.account(), owner.connection(), tokens, version);
    }

    private static OAuthTokens tokens(TokenOwner owner, JsonNode secret) {
        String access = secret.path("access_token").asString("");
        String refresh = secret.path("refresh_token").asString("");
        String scopes = secret.path("scopes").asString("");
        if (access.isBlank()) {
            throw new TokenVaultException(
                    "The Vault secret of connection " + owner.connection() + " holds no access token");
        }
        return new OAuthTokens(
                SecretToken.of(access),
                refresh.isBlank() ? null : SecretToken.of(refresh),
                instant(secret.path("access_token_expires_at").asString("")),
                new TreeSet<>(scopes.isBlank() ? java.util.List.of() : java.util.List.of(scopes.split(" "))));
    }

    private static @Nullable Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String path(String kind, TokenOwner owner) {
        return "/v1/" + mount + "/" + kind + "/" + prefix + "/"
                + owner.account().value() + "/" + owner.connection().value();
    }
}
