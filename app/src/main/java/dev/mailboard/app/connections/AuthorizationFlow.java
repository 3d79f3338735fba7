package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.UserId;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The authorization code flow with PKCE S256 (S-1..S-5) without persistence: builds the authorization
 * URL, and checks a callback (state of this session, unused, fresh; matching {@code iss}; no error) before
 * any token request is made.
 */
class AuthorizationFlow {

    private final Supplier<ProviderSettings> provider;
    private final Supplier<String> redirectUri;
    private final TokenEndpoint tokens;
    private final Clock clock;
    private final Duration validity;

    AuthorizationFlow(
            Supplier<ProviderSettings> provider,
            Supplier<String> redirectUri,
            TokenEndpoint tokens,
            Clock clock,
            Duration validity) {
        this.provider = provider;
        this.redirectUri = redirectUri;
        this.tokens = tokens;
        this.clock = clock;
        this.validity = validity;
    }

    URI begin(HttpSession session, UserId user, List<String> scopes, String returnTo, @Nullable String loginHint) {
        ProviderSettings settings = provider.get();
        String state = Pkce.randomValue();
        String verifier = Pkce.randomValue();
        PendingAuthorizations.of(session)
                .put(state, new PendingAuthorization(user, verifier, scopes, returnTo, clock.instant()), validity);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.authorizationUri())
                .queryParam("client_id", settings.clientId())
                .queryParam("response_type", "code")
                .queryParam("response_mode", "query")
                .queryParam("redirect_uri", redirectUri.get())
                .queryParam("scope", String.join(" ", scopes))
                .queryParam("state", state)
                .queryParam("code_challenge", Pkce.challenge(verifier))
                .queryParam("code_challenge_method", "S256");
        if (loginHint != null) {
            uri.queryParam("login_hint", loginHint);
        }
        return uri.encode().build().toUri();
    }

    /** A checked callback: either a token result or why it was refused before any token request. */
    record Callback(@Nullable TokenResult result, @Nullable String refusal, String returnTo, List<String> scopes) {}

    Callback finish(HttpSession session, UserId user, Map<String, String> params) {
        String state = params.get("state");
        if (state == null || state.isBlank()) {
            return refused("The answer from the sign-in page was incomplete. Please connect again.");
        }
        Optional<PendingAuthorization> taken = PendingAuthorizations.of(session).take(state, clock.instant(), validity);
        if (taken.isEmpty() || !taken.get().userId().equals(user)) {
            return refused("This sign-in answer is unknown, expired or was already used. Please connect again.");
        }
        PendingAuthorization pending = taken.get();
        ProviderSettings settings = provider.get();
        String iss = params.get("iss");
        if (iss != null && (settings.issuer() == null || !iss.equals(settings.issuer()))) {
            return new Callback(
                    null,
                    "The answer came from an unexpected issuer; nothing was connected.",
                    pending.returnTo(),
                    pending.scopes());
        }
        String error = params.get("error");
        if (error != null) {
            String message = "access_denied".equals(error)
                    ? "You cancelled the consent at Microsoft, so no mailbox was connected."
                    : "Microsoft did not grant access (" + safeCode(error) + "); nothing was connected.";
            return new Callback(null, message, pending.returnTo(), pending.scopes());
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) {
            return new Callback(
                    null,
                    "The answer from the sign-in page had no authorization code.",
                    pending.returnTo(),
                    pending.scopes());
        }
        TokenResult result = tokens.redeem(settings, code, pending.verifier(), redirectUri.get(), pending.scopes());
        return new Callback(result, null, pending.returnTo(), pending.scopes());
    }

    private static Callback refused(String message) {
        return new Callback(null, message, ReturnTargets.DEFAULT, List.of());
    }

    static String safeCode(String error) {
        return error.matches("[a-z_]{1,60}") ? error : "error";
    }
}
