package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** What a rich-notification receiver does: decrypts {@code encryptedContent} and checks validation tokens. */
final class RichNotificationReader {

    private final JWKSet keys;

    /** Reads the sandbox's JWKS, as a receiver reads Microsoft's. */
    RichNotificationReader(SandboxHttp http) {
        try {
            keys = JWKSet.parse(
                    http.get("/sandbox/login/common/discovery/v2.0/keys").body());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts {@code dataKey} with the private key, checks {@code dataSignature}, then decrypts {@code data}. */
    static JsonNode decrypt(JsonNode encryptedContent, PrivateKey privateKey) {
        var decoder = Base64.getDecoder();
        try {
            var rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA1AndMGF1Padding");
            rsa.init(Cipher.DECRYPT_MODE, privateKey);
            var key =
                    rsa.doFinal(decoder.decode(encryptedContent.path("dataKey").asString()));
            assertThat(key).hasSize(32);
            var data = decoder.decode(encryptedContent.path("data").asString());
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var expected = mac.doFinal(data);
            var signature =
                    decoder.decode(encryptedContent.path("dataSignature").asString());
            assertThat(MessageDigest.isEqual(expected, signature))
                    .as("dataSignature matches")
                    .isTrue();
            var aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return SandboxHttp.JSON.readTree(new String(aes.doFinal(data), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot decrypt the notification", e);
        }
    }

    /** The claims of a validation token whose signature the published key confirms; empty if it fails. */
    Optional<JWTClaimsSet> verify(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            var jwk = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (jwk == null) {
                return Optional.empty();
            }
            var verifier = new RSASSAVerifier(jwk.toRSAKey().toRSAPublicKey());
            return jwt.verify(verifier) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** The SHA-1 thumbprint of a certificate, in upper-case hex. */
    static String thumbprint(byte[] der) {
        try {
            return java.util.HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
