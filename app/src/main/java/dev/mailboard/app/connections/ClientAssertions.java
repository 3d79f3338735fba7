package dev.mailboard.app.connections;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs the client assertions of {@code private_key_jwt} (RFC 7523, as Microsoft's identity platform takes
 * them): RS256, the certificate's SHA-1 and SHA-256 thumbprints in {@code x5t} and {@code x5t#S256}, the
 * token endpoint as audience, the client id as issuer and subject, a fresh {@code jti} and a five-minute
 * lifetime. The key is read once from a PEM file holding an unencrypted PKCS #8 private key and the
 * certificate.
 */
final class ClientAssertions {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Base64URL sha1Thumbprint;
    private final Base64URL sha256Thumbprint;
    private final Clock clock;

    ClientAssertions(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
        try {
            byte[] der = certificate.getEncoded();
            this.sha1Thumbprint =
                    Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der));
            this.sha256Thumbprint =
                    Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be read", e);
        }
    }

    /**
     * Reads a PEM file with a PKCS #8 private key ({@code BEGIN PRIVATE KEY}) and a certificate.
     *
     * @param file the PEM file
     * @param clock the clock for issue and expiry times
     * @return the signer
     * @throws IllegalArgumentException when the file lacks either part or cannot be parsed (the message
     *     names the file and the problem, never key material)
     */
    static ClientAssertions fromPem(Path file, Clock clock) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
        byte[] keyDer = null;
        byte[] certificateDer = null;
        Matcher blocks = PEM.matcher(pem);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> keyDer = der;
                case "CERTIFICATE" -> certificateDer = certificateDer == null ? der : certificateDer;
                default -> {}
            }
        }
        if (keyDer == null || certificateDer == null) {
            throw new IllegalArgumentException(file + " must hold an unencrypted PKCS #8 private key"
                    + " (BEGIN PRIVATE KEY) and the certificate (BEGIN CERTIFICATE)");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(keyDer));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer));
            return new ClientAssertions(key, certificate, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " does not hold an RSA private key and an X.509 certificate", e);
        }
    }

    /**
     * Signs a fresh assertion for one token request.
     *
     * @param clientId the client id (issuer and subject)
     * @param tokenUri the token endpoint (audience)
     * @return the compact JWT
     */
    String sign(String clientId, String tokenUri) {
        Instant now = clock.instant();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .x509CertThumbprint(sha1Thumbprint)
                .x509CertSHA256Thumbprint(sha256Thumbprint)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(List.of(tokenUri))
                .issuer(clientId)
                .subject(clientId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the client assertion cannot be signed", e);
        }
        return jwt.serialize();
    }

    /** The certificate, to show its subject and expiry to operators. */
    X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "ClientAssertions[certificate=" + certificate.getSubjectX500Principal() + ", key=(redacted)]";
    }
}
