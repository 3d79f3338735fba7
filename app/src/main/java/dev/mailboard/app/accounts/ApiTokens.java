package dev.mailboard.app.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API, sent as {@code Authorization: Bearer mbt_…}. A token is shown
 * once when created; only its SHA-256 is stored (enough for 256 random bits).
 */
@Service
public class ApiTokens {

    /** Every token starts with this, so that scanners can recognise leaked Mailboard tokens. */
    public static final String TOKEN_PREFIX = "mbt_";

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog auditLog;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, UserRepository users, AuditLog auditLog, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates a token for the signed-in user.
     *
     * @param owner the signed-in user
     * @param name the user's name for the token, for example "backup script"
     * @return the token, with its secret to show once
     */
    @Transactional
    public IssuedApiToken create(CurrentUser owner, String name) {
        String trimmed = Accounts.requireText(name, "token name");
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The token name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        String secret = TOKEN_PREFIX + Secrets.random(32);
        String prefix = secret.substring(0, TOKEN_PREFIX.length() + 6);
        ApiTokenView view = tokens.insert(owner, trimmed, prefix, Secrets.sha256(secret), clock.instant());
        auditLog.record(AuditEntry.success(
                owner, AuditActions.API_TOKEN_CREATED, describe(view), "Personal API token created"));
        log.info("User {} created API token {}", owner.userId(), view.id());
        return new IssuedApiToken(view, secret);
    }

    /**
     * Lists the signed-in user's active tokens, newest first.
     *
     * @param owner the signed-in user
     * @return the tokens (never their secrets)
     */
    @Transactional(readOnly = true)
    public List<ApiTokenView> list(CurrentUser owner) {
        return tokens.findActive(owner.userId());
    }

    /**
     * Revokes one of the signed-in user's tokens; it stops working at once.
     *
     * @param owner the signed-in user
     * @param id the token
     * @throws UnknownIdException when the user has no such active token
     */
    @Transactional
    public void revoke(CurrentUser owner, ApiTokenId id) {
        ApiTokenView view = tokens.findActive(owner.userId(), id)
                .orElseThrow(() -> new UnknownIdException("You have no active API token " + id + "."));
        tokens.revoke(id, clock.instant());
        auditLog.record(AuditEntry.success(
                owner, AuditActions.API_TOKEN_REVOKED, describe(view), "Personal API token revoked"));
        log.info("User {} revoked API token {}", owner.userId(), id);
    }

    /** The active user an active token belongs to; records the use. */
    @Transactional
    Optional<SignedInUser> authenticate(String secret) {
        if (!secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(secret);
        Instant now = clock.instant();
        Optional<SignedInUser> user = tokens.findOwner(hash)
                .flatMap(users::find)
                .filter(stored -> stored.view().isActive())
                .map(stored -> {
                    SignedInUser signedIn = AccountUserDetailsService.signedIn(stored);
                    signedIn.eraseCredentials();
                    return signedIn;
                });
        user.ifPresent(ignored -> tokens.markUsed(hash, now));
        return user;
    }

    private static String describe(ApiTokenView view) {
        return view.name() + " (" + view.prefix() + "…)";
    }
}
