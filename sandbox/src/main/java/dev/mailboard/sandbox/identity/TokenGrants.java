package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.store.AppRegistration;
import dev.mailboard.sandbox.store.IdentityStore;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.RefreshGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Turns authorization codes and refresh tokens into tokens, enforcing the identity platform's rules. */
final class TokenGrants {

    private final AuthorizationCodes codes;
    private final TokenIssuer issuer;
    private final IdentityStore store;
    private final Mailboxes mailboxes;
    private final SandboxClock clock;
    private final SandboxProperties properties;
    private final AtomicLong rotations = new AtomicLong();

    TokenGrants(
            AuthorizationCodes codes,
            TokenIssuer issuer,
            IdentityStore store,
            Mailboxes mailboxes,
            SandboxClock clock,
            SandboxProperties properties) {
        this.codes = codes;
        this.issuer = issuer;
        this.store = store;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.properties = properties;
    }

    Map<String, Object> redeemCode(AppRegistration app, Map<String, String> form, String idIssuer) {
        var value = required(form, "code");
        var code = codes.redeem(value)
                .orElseThrow(() -> invalidGrant(70000, "The provided value for the 'code' parameter is not valid."));
        if (code.redeemed()) {
            throw invalidGrant(
                    54005,
                    "OAuth2 Authorization code was already redeemed, please retry with a new valid"
                            + " code or use an existing refresh token.");
        }
        if (code.issuedAt().plus(AuthorizationCodes.LIFETIME).isBefore(clock.now())) {
            throw invalidGrant(
                    70008,
                    "The provided authorization code or refresh token has expired due to"
                            + " inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!code.clientId().equals(app.clientId())) {
            throw invalidGrant(70000, "The code was issued to a different client.");
        }
        if (!code.redirectUri().equals(form.getOrDefault("redirect_uri", ""))) {
            throw invalidGrant(
                    50011,
                    "The redirect URI '" + form.getOrDefault("redirect_uri", "")
                            + "' specified in the request does not match the redirect URI of the authorization request.");
        }
        checkVerifier(code, form.get("code_verifier"));
        var user = user(code.userId());
        checkNotRevoked(user.id(), code.issuedAt());
        var scopes = narrowed(code.scopes(), form.get("scope"), app);
        return respond(app, user, scopes, code.nonce(), idIssuer);
    }

    Map<String, Object> refresh(AppRegistration app, Map<String, String> form, String idIssuer) {
        var hash = Hashes.sha256Hex(required(form, "refresh_token"));
        var grant = store.refreshToken(hash)
                .orElseThrow(() -> invalidGrant(9002313, "Invalid request. Request is malformed or invalid."));
        var now = clock.now();
        if (!grant.clientId().equals(app.clientId())) {
            throw invalidGrant(70000, "The refresh token was issued to a different client.");
        }
        checkNotRevoked(grant.userId(), grant.issuedAt());
        if (grant.used() && properties.revokeRotatedRefreshTokens()) {
            throw invalidGrant(70000, "The refresh token has already been used.");
        }
        if (grant.lastUsedAt().plus(properties.refreshTokenInactivity()).isBefore(now)) {
            throw invalidGrant(
                    700082,
                    "The refresh token has expired due to inactivity. The token was issued on '" + grant.issuedAt()
                            + "' and was inactive for " + properties.refreshTokenInactivity() + ".");
        }
        store.putRefreshToken(new RefreshGrant(
                grant.tokenHash(), grant.clientId(), grant.userId(), grant.scopes(), grant.issuedAt(), now, true));
        if (rotations.incrementAndGet() % 1000 == 0) {
            store.pruneUsed(now.minus(Duration.ofDays(1)));
        }
        var scopes = narrowed(new LinkedHashSet<>(grant.scopes()), form.get("scope"), app);
        return respond(app, user(grant.userId()), scopes, null, idIssuer);
    }

    private Map<String, Object> respond(
            AppRegistration app, Mailbox user, Set<String> scopes, @Nullable String nonce, String idIssuer) {
        var lifetime = issuer.accessTokenLifetime();
        var body = new LinkedHashMap<String, Object>();
        body.put("token_type", "Bearer");
        body.put("scope", Scopes.join(scopes));
        body.put("expires_in", lifetime.toSeconds());
        body.put("ext_expires_in", lifetime.toSeconds());
        var graphScopes = new LinkedHashSet<>(Scopes.graphOnly(scopes));
        body.put("access_token", issuer.accessToken(app.clientId(), app.displayName(), user, graphScopes, lifetime));
        if (scopes.contains("offline_access")) {
            var value = Ids.opaque("0.AQ", 160);
            var now = clock.now();
            store.putRefreshToken(new RefreshGrant(
                    Hashes.sha256Hex(value), app.clientId(), user.id(), List.copyOf(scopes), now, now, false));
            body.put("refresh_token", value);
        }
        if (scopes.contains("openid")) {
            body.put("id_token", issuer.idToken(idIssuer, app.clientId(), user, nonce));
        }
        return body;
    }

    private static void checkVerifier(AuthorizationCodes.Code code, @Nullable String verifier) {
        var challenge = code.challenge();
        if (challenge == null) {
            return;
        }
        var computed =
                verifier == null ? "" : "S256".equals(code.challengeMethod()) ? Hashes.pkceS256(verifier) : verifier;
        if (verifier == null || !Hashes.equalsConstantTime(computed, challenge)) {
            throw invalidGrant(
                    501481,
                    "The Code_Verifier does not match the code_challenge supplied in the" + " authorization request.");
        }
    }

    private void checkNotRevoked(String userId, Instant issuedAt) {
        var validFrom = store.validFrom(userId).orElse(null);
        if (validFrom != null && issuedAt.isBefore(validFrom)) {
            throw invalidGrant(
                    50173,
                    "The provided grant has expired due to it being revoked, a fresh auth token is"
                            + " needed. The user might have changed or reset their password. The grant was issued on '"
                            + issuedAt
                            + "' and the TokensValidFrom date (before which tokens are not valid) for this user is '"
                            + validFrom + "'.");
        }
    }

    private static Set<String> narrowed(Set<String> granted, @Nullable String requested, AppRegistration app) {
        if (requested == null || requested.isBlank()) {
            return granted;
        }
        var asked = Scopes.parse(requested)
                .orElseThrow(() -> new IdentityException(
                        "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid."));
        if (!granted.containsAll(asked)) {
            throw invalidGrant(
                    65001,
                    "The user or administrator has not consented to use the application with ID '"
                            + app.clientId() + "' named '" + app.displayName() + "'. Send an interactive authorization"
                            + " request for this user and resource.");
        }
        return asked;
    }

    private Mailbox user(String userId) {
        return mailboxes.find(userId).orElseThrow(() -> invalidGrant(50034, "The user account does not exist."));
    }

    static String required(Map<String, String> form, String name) {
        var value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IdentityException(
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: '" + name + "'.");
        }
        return value;
    }

    private static IdentityException invalidGrant(int code, String description) {
        return new IdentityException("invalid_grant", code, description);
    }
}
