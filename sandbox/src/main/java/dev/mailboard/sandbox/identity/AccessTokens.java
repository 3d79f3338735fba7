package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import java.text.ParseException;
import java.util.Date;

/** Verifies the bearer tokens that Graph requests carry. */
public final class AccessTokens {

    private final SigningKeys keys;
    private final SandboxClock clock;

    public AccessTokens(SigningKeys keys, SandboxClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The caller a token stands for. */
    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    public Caller verify(String token) {
        var claims = keys.verify(token).orElseThrow(() -> new InvalidTokenException("Invalid signature."));
        var expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.after(Date.from(clock.now()))) {
            throw new InvalidTokenException("Lifetime validation failed, the token is expired.");
        }
        if (!claims.getAudience().contains(TokenIssuer.GRAPH_AUDIENCE)) {
            throw new InvalidTokenException("Invalid audience.");
        }
        try {
            var oid = claims.getStringClaim("oid");
            var appId = claims.getStringClaim("appid");
            var scp = claims.getStringClaim("scp");
            if (oid == null || appId == null) {
                throw new InvalidTokenException("The token is not a delegated user token.");
            }
            return Caller.of(oid, appId, scp == null ? "" : scp);
        } catch (ParseException e) {
            throw new InvalidTokenException("Malformed token claims.");
        }
    }

    /** A token that cannot be accepted, with Graph's reason text. */
    public static final class InvalidTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTokenException(String message) {
            super(message);
        }
    }
}
