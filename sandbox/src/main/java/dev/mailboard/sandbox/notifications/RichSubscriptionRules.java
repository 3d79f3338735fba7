package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.store.RichSettings;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The rules of subscriptions with {@code includeResourceData: true}: the certificate, its id and the resource. */
final class RichSubscriptionRules {

    private static final int MAX_CERTIFICATE_ID = 128;
    private static final Set<String> REFUSED_OPTIONS = Set.of("$top", "$skip", "$orderby", "$expand");
    private static final Set<String> REFUSED_SELECT = Set.of("body", "uniquebody");

    private RichSubscriptionRules() {}

    /** Checks a rich subscription's certificate, id and resource, and answers its settings. */
    static RichSettings settings(@Nullable String certificate, @Nullable String certificateId, String resource) {
        var checked = certificate(certificate, certificateId);
        return new RichSettings(checked.certificate(), checked.certificateId(), checked.thumbprint(), select(resource));
    }

    /** Checks a certificate and its id; the answer's selection is empty. */
    static RichSettings certificate(@Nullable String certificate, @Nullable String certificateId) {
        if (certificate == null || certificate.isBlank()) {
            throw SubscriptionException.invalid(
                    "A subscription with includeResourceData requires the property 'encryptionCertificate'.");
        }
        if (certificateId == null || certificateId.isBlank()) {
            throw SubscriptionException.invalid(
                    "A subscription with includeResourceData requires the property 'encryptionCertificateId'.");
        }
        if (certificateId.length() > MAX_CERTIFICATE_ID) {
            throw SubscriptionException.invalid("encryptionCertificateId cannot be longer than 128 characters.");
        }
        var der = decode(certificate);
        var x509 = parse(der);
        if (!(x509.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw SubscriptionException.invalid("encryptionCertificate must hold an RSA public key.");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < 2048 || bits > 4096) {
            throw SubscriptionException.invalid(
                    "The RSA key of encryptionCertificate must have 2048 to 4096 bits, not " + bits + ".");
        }
        return new RichSettings(certificate, certificateId, thumbprint(der), null);
    }

    /** The RSA public key of a certificate that {@link #certificate} accepted. */
    static RSAPublicKey publicKey(String certificate) {
        return (RSAPublicKey) parse(decode(certificate)).getPublicKey();
    }

    /** The {@code $select}ed properties of a resource, lower-cased; {@code null} if it selects nothing. */
    static @Nullable List<String> select(String resource) {
        int q = resource.indexOf('?');
        if (q < 0) {
            return null;
        }
        List<String> selected = null;
        for (var pair : resource.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
                    .trim()
                    .toLowerCase(Locale.ROOT);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (REFUSED_OPTIONS.contains(name)) {
                throw SubscriptionException.invalid(
                        "The query option '" + name + "' is not supported in a subscription resource.");
            }
            if (name.equals("$select")) {
                selected = new ArrayList<>();
                for (var field : value.split(",")) {
                    var key = field.trim().toLowerCase(Locale.ROOT);
                    if (REFUSED_SELECT.contains(key)) {
                        throw SubscriptionException.invalid("'" + field.trim()
                                + "' cannot be selected in a subscription with resource data;"
                                + " select other properties and get the body separately.");
                    }
                    if (!key.isEmpty()) {
                        selected.add(key);
                    }
                }
            }
        }
        return selected == null ? null : List.copyOf(selected);
    }

    @SuppressWarnings("UnusedException") // a decoding failure becomes a protocol error; its cause adds nothing
    private static byte[] decode(String certificate) {
        var text = certificate
                .replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw SubscriptionException.invalid("encryptionCertificate is not base64.");
        }
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw SubscriptionException.invalid("encryptionCertificate is not an X.509 certificate.");
        }
    }

    private static String thumbprint(byte[] der) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }
}
