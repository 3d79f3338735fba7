package dev.mailboard.sandbox.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.Mailbox;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Mints access tokens for Graph and OpenID Connect id tokens. */
final class TokenIssuer {

    static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

    private final SigningKeys keys;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    TokenIssuer(SigningKeys keys, SandboxClock clock, SandboxProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    /** A random lifetime between the configured bounds, as Entra does (60 to 90 minutes by default). */
    Duration accessTokenLifetime() {
        long min = properties.accessTokenLifetimeMin().toSeconds();
        long max = Math.max(min, properties.accessTokenLifetimeMax().toSeconds());
        return Duration.ofSeconds(ThreadLocalRandom.current().nextLong(min, max + 1));
    }

    String accessToken(String clientId, String appName, Mailbox user, Set<String> scopes, Duration lifetime) {
        var now = clock.now();
        var claims = new JWTClaimsSet.Builder()
                .audience(GRAPH_AUDIENCE)
                .issuer("https://sts.windows.net/" + properties.tenantId() + "/")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .subject(user.id())
                .claim("appid", clientId)
                .claim("app_displayname", appName)
                .claim("oid", user.id())
                .claim("tid", properties.tenantId())
                .claim("scp", String.join(" ", scopes))
                .claim("upn", user.address())
                .claim("unique_name", user.address())
                .claim("name", user.displayName())
                .claim("idtyp", "user")
                .claim("uti", Ids.opaque("", 16))
                .claim("ver", "1.0")
                .build();
        return keys.sign(claims);
    }

    String idToken(String issuer, String clientId, Mailbox user, @Nullable String nonce) {
        var now = clock.now();
        var builder = new JWTClaimsSet.Builder()
                .audience(clientId)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .subject(user.id())
                .claim("oid", user.id())
                .claim("tid", properties.tenantId())
                .claim("name", user.displayName())
                .claim("preferred_username", user.address())
                .claim("email", user.address())
                .claim("ver", "2.0");
        if (nonce != null) {
            builder.claim("nonce", nonce);
        }
        return keys.sign(builder.build());
    }
}
