package dev.mailboard.sandbox.notifications;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxProperties;
import dev.mailboard.sandbox.faults.Faults;
import dev.mailboard.sandbox.identity.SigningKeys;
import dev.mailboard.sandbox.store.Ids;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code validationTokens} of rich notification batches: one v1 JWT per distinct app (and the sandbox's one
 * tenant), signed with the published signing key, or, under injected faults, with a wrong key or a wrong
 * {@code appid}.
 */
final class ValidationTokens {

    /** The {@code appid} of Graph's change-notification publisher. */
    static final String PUBLISHER_APP_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final SigningKeys keys;
    private final Faults faults;
    private final SandboxClock clock;
    private final SandboxProperties properties;
    private final RSAKey foreignKey;

    ValidationTokens(SigningKeys keys, Faults faults, SandboxClock clock, SandboxProperties properties) {
        this.keys = keys;
        this.faults = faults;
        this.clock = clock;
        this.properties = properties;
        this.foreignKey = foreignKey(keys.keyId());
    }

    /** The body of a notification POST: {@code value}, and {@code validationTokens} if any item is rich. */
    Map<String, Object> body(List<Pending> items) {
        var body = new LinkedHashMap<String, Object>();
        body.put("value", items.stream().map(Pending::item).toList());
        var audiences = items.stream()
                .map(Pending::audience)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (!audiences.isEmpty()) {
            var settings = faults.settings();
            boolean wrongKey = faults.roll(settings.validationTokenWrongKey());
            boolean wrongAppId = faults.roll(settings.validationTokenWrongAppId());
            body.put(
                    "validationTokens",
                    audiences.stream().map(a -> token(a, wrongKey, wrongAppId)).toList());
        }
        return body;
    }

    private String token(String audience, boolean wrongKey, boolean wrongAppId) {
        var now = clock.now();
        var tenant = properties.tenantId();
        var claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer("https://sts.windows.net/" + tenant + "/")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("aio", Ids.opaque("", 24))
                .claim("appid", wrongAppId ? Ids.guid() : PUBLISHER_APP_ID)
                .claim("appidacr", "2")
                .claim("idp", "https://sts.windows.net/" + tenant + "/")
                .claim("tid", tenant)
                .claim("uti", Ids.opaque("", 16))
                .claim("ver", "1.0")
                .build();
        return wrongKey ? signForeign(claims) : keys.sign(claims);
    }

    private String signForeign(JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(foreignKey.getKeyID())
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(foreignKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    /** An unpublished key that claims the published key's id, so that receivers must check the signature. */
    private static RSAKey foreignKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
