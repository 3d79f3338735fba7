package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.store.RichSettings;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts resource data as Graph does: a fresh 32-byte key per notification, RSA-OAEP (SHA-1, MGF1) with the
 * subscriber's certificate for {@code dataKey}, AES-256-CBC with PKCS#5 padding and the key's first 16 bytes as IV
 * for {@code data}, and HMAC-SHA256 with the key over the encrypted bytes for {@code dataSignature}.
 */
final class EncryptedContent {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptedContent() {}

    static Map<String, Object> encrypt(byte[] plain, RichSettings settings) {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            var rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA1AndMGF1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, RichSubscriptionRules.publicKey(settings.certificate()));
            var dataKey = rsa.doFinal(key);
            var aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            var data = aes.doFinal(plain);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var signature = mac.doFinal(data);
            var base64 = Base64.getEncoder();
            var out = new LinkedHashMap<String, Object>();
            out.put("data", base64.encodeToString(data));
            out.put("dataSignature", base64.encodeToString(signature));
            out.put("dataKey", base64.encodeToString(dataKey));
            out.put("encryptionCertificateId", settings.certificateId());
            out.put("encryptionCertificateThumbprint", settings.thumbprint());
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt resource data", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
