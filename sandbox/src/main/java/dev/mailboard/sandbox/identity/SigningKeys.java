package dev.mailboard.sandbox.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mailboard.sandbox.SandboxProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RSA key that signs every token; generated at first start and kept in the data directory if there is one. */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey key;
    private final RSASSAVerifier verifier;

    public SigningKeys(SandboxProperties properties) {
        var dir = properties.dataDir();
        this.key = dir == null ? generate() : loadOrCreate(dir.resolve("signing-key.jwk"));
        try {
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key", e);
        }
    }

    /** Signs claims as an RS256 JWT. */
    public String sign(JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token signed by this key; empty if it is malformed or the signature is wrong. */
    public Optional<JWTClaimsSet> verify(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            return jwt.verify(verifier) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** The id ({@code kid}) of the published key. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The public JSON Web Key Set. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key).toPublicJWKSet().toJSONObject();
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            var generated = generate();
            OwnerOnlyFiles.write(file, generated.toJSONString());
            log.info("Sandbox generated a token-signing key and stored it in {}", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("signing key file is not a JWK: " + file, e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
