package dev.mailboard.app.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The {@code validationTokens} of notifications with resource data (S-25): signed by a published key,
 * current, for Mailboard's app id, from Graph's publisher, from the tenant of the notifications.
 */
class ValidationTokenCheckTests {

    private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    private static final String TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private final RSAKey published = key("published");
    private final RSAKey unpublished = key("unpublished");
    private final ValidationTokenCheck check =
            new ValidationTokenCheck(APP_ID, new ImmutableJWKSet<>(new JWKSet(published.toPublicJWK())));

    @Test
    void acceptsATokenGraphWouldSend() {
        assertThat(check.allValid(List.of(token(published, claims -> claims)), Set.of(TENANT)))
                .isTrue();
    }

    @Test
    void refusesEveryTokenThatFailsOneCheck() {
        Instant now = Instant.now();
        assertThat(check.allValid(List.of(token(unpublished, claims -> claims)), Set.of(TENANT)))
                .as("signed by a key the identity platform does not publish")
                .isFalse();
        assertThat(check.allValid(
                        List.of(token(published, claims -> claims.expirationTime(Date.from(now.minusSeconds(600))))),
                        Set.of(TENANT)))
                .as("expired")
                .isFalse();
        assertThat(check.allValid(
                        List.of(token(
                                published, claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))))),
                        Set.of(TENANT)))
                .as("not yet valid")
                .isFalse();
        assertThat(check.allValid(List.of(token(published, claims -> claims.audience("another-app"))), Set.of(TENANT)))
                .as("issued for another app")
                .isFalse();
        assertThat(check.allValid(
                        List.of(token(published, claims -> claims.claim("appid", "not-graphs-publisher"))),
                        Set.of(TENANT)))
                .as("not from Graph's change-notification publisher")
                .isFalse();
        assertThat(check.allValid(List.of(token(published, claims -> claims)), Set.of("another-tenant")))
                .as("from a tenant the notifications do not name")
                .isFalse();
        assertThat(check.allValid(List.of("not-a-jwt"), Set.of(TENANT)))
                .as("not a JWT")
                .isFalse();
    }

    @Test
    void oneBadTokenSpoilsTheBatch() {
        String good = token(published, claims -> claims);
        String bad = token(unpublished, claims -> claims);

        assertThat(check.allValid(List.of(good, bad), Set.of(TENANT))).isFalse();
    }

    @Test
    void withoutAnAppIdNoTokenCanBeValid() {
        ValidationTokenCheck unconfigured =
                new ValidationTokenCheck(" ", new ImmutableJWKSet<>(new JWKSet(published.toPublicJWK())));

        assertThat(unconfigured.allValid(List.of(token(published, claims -> claims)), Set.of(TENANT)))
                .isFalse();
    }

    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://sts.windows.net/" + TENANT + "/")
                .audience(APP_ID)
                .claim("appid", ValidationTokenCheck.GRAPH_PUBLISHER_APP_ID)
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
