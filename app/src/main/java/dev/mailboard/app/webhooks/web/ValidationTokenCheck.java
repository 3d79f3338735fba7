package dev.mailboard.app.webhooks.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.mailboard.app.webhooks.WebhooksProperties;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code validationTokens} of notifications that carry resource data (S-25): each must be a
 * JWT signed by a key the identity platform publishes, current, issued for Mailboard's app id by Graph's
 * change-notification publisher, and from the tenant the notifications name.
 */
@Component
class ValidationTokenCheck {

    /** The application id of Microsoft Graph's change-notification publisher. */
    static final String GRAPH_PUBLISHER_APP_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";

    private final @Nullable String appId;
    private final DefaultJWTProcessor<SecurityContext> processor;

    @Autowired
    ValidationTokenCheck(WebhooksProperties properties) throws MalformedURLException {
        this(
                properties.appId(),
                JWKSourceBuilder.create(properties.jwksUri().toURL()).build());
    }

    ValidationTokenCheck(@Nullable String appId, JWKSource<SecurityContext> keys) {
        this.appId = appId == null || appId.isBlank() ? null : appId;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                this.appId == null ? "(no app id configured)" : this.appId,
                new JWTClaimsSet.Builder()
                        .claim("appid", GRAPH_PUBLISHER_APP_ID)
                        .build(),
                Set.of("exp", "nbf", "iss", "aud", "appid")));
    }

    /**
     * Whether every token is valid for the given tenants.
     *
     * @param tokens the {@code validationTokens} of one POST
     * @param tenantIds the {@code tenantId}s of its notifications
     * @return false when any token fails any check, or when no app id is configured
     */
    boolean allValid(List<String> tokens, Collection<String> tenantIds) {
        if (appId == null) {
            return false;
        }
        for (String token : tokens) {
            if (!isValid(token, tenantIds)) {
                return false;
            }
        }
        return true;
    }

    private boolean isValid(String token, Collection<String> tenantIds) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String issuer = claims.getIssuer();
            return tenantIds.stream().anyMatch(tenant -> ("https://sts.windows.net/" + tenant + "/").equals(issuer));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return false;
        }
    }
}
