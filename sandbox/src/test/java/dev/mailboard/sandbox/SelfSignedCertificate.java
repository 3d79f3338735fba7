package dev.mailboard.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A self-signed X.509 v3 certificate with an RSA key, built as minimal DER (the JDK has no certificate builder):
 * what a rich-notification subscriber sends as {@code encryptionCertificate}.
 */
record SelfSignedCertificate(KeyPair keys, byte[] der) {

    private static final byte[] SHA256_WITH_RSA =
            sequence(bytes(0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B), bytes(0x05, 0x00));
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    static SelfSignedCertificate generate(int bits, String commonName) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            var keys = generator.generateKeyPair();
            var name = sequence(tlv(
                    0x31,
                    sequence(
                            bytes(0x06, 0x03, 0x55, 0x04, 0x03),
                            tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
            var now = ZonedDateTime.now(ZoneOffset.UTC);
            var validity = sequence(time(now.minusDays(1)), time(now.plusYears(1)));
            var tbs = sequence(
                    tlv(0xA0, integer(BigInteger.TWO)),
                    integer(BigInteger.valueOf(System.nanoTime()).abs()),
                    SHA256_WITH_RSA,
                    name,
                    validity,
                    name,
                    keys.getPublic().getEncoded());
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            var signature = signer.sign();
            var bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            return new SelfSignedCertificate(keys, sequence(tbs, SHA256_WITH_RSA, tlv(0x03, bitString)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as base64 DER, as {@code encryptionCertificate} takes it. */
    String base64() {
        return Base64.getEncoder().encodeToString(der);
    }

    private static byte[] time(ZonedDateTime at) {
        return tlv(0x17, UTC_TIME.format(at).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        var content = new ByteArrayOutputStream();
        for (var part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            var lengthBytes = BigInteger.valueOf(length).toByteArray();
            int skip = lengthBytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (lengthBytes.length - skip));
            out.write(lengthBytes, skip, lengthBytes.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        var out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
