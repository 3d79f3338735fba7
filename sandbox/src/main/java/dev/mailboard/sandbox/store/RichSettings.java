package dev.mailboard.sandbox.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a subscription with {@code includeResourceData: true} encrypts its resource data.
 *
 * @param certificate the base64 X.509 certificate whose public key encrypts each notification's key
 * @param certificateId the subscriber's label for the certificate, echoed in every notification
 * @param thumbprint the certificate's SHA-1 thumbprint in upper-case hex
 * @param select the properties selected in the resource ({@code $select}), or {@code null} for the default set
 */
public record RichSettings(
        String certificate,
        String certificateId,
        String thumbprint,
        @Nullable List<String> select) {

    /** The same selection with another certificate. */
    public RichSettings withCertificate(String newCertificate, String newCertificateId, String newThumbprint) {
        return new RichSettings(newCertificate, newCertificateId, newThumbprint, select);
    }

    @Override
    public String toString() {
        return "RichSettings[certificateId=" + certificateId + ", thumbprint=" + thumbprint + ", select=" + select
                + "]";
    }
}
