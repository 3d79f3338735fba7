package dev.mailboard.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sending mail ({@code mailboard.mail.send.*}).
 *
 * @param maxRecipients the most recipients of one mail (S-54), 1 to 500
 * @param perRecipientPerDay the most mails per (origin, recipient) in 24 hours (S-53)
 * @param perUserPerHour the most mails per requesting user in an hour (S-53)
 * @param sentItemsLookback how many of the newest Sent Items a retry looks through for an earlier attempt
 * @param maxSubjectLength the longest subject
 * @param maxBodyLength the longest body, in characters after sanitizing
 */
@ConfigurationProperties("mailboard.mail.send")
record MailSendProperties(
        @DefaultValue("50") int maxRecipients,
        @DefaultValue("3") int perRecipientPerDay,
        @DefaultValue("30") int perUserPerHour,
        @DefaultValue("50") int sentItemsLookback,
        @DefaultValue("255") int maxSubjectLength,
        @DefaultValue("200000") int maxBodyLength) {

    MailSendProperties {
        if (maxRecipients < 1 || maxRecipients > 500) {
            throw new IllegalArgumentException("mailboard.mail.send.max-recipients must be 1-500 (S-54)");
        }
        if (perRecipientPerDay < 1 || perUserPerHour < 1) {
            throw new IllegalArgumentException("mailboard.mail.send rate limits must be positive");
        }
        if (sentItemsLookback < 1 || sentItemsLookback > 1000) {
            throw new IllegalArgumentException("mailboard.mail.send.sent-items-lookback must be 1-1000");
        }
        if (maxSubjectLength < 1 || maxBodyLength < 1) {
            throw new IllegalArgumentException("mailboard.mail.send lengths must be positive");
        }
    }
}
