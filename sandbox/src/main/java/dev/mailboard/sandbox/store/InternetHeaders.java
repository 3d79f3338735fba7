package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Builds the internet message headers a delivered message carries, before any custom ones. */
public final class InternetHeaders {

    private InternetHeaders() {}

    /** A new RFC 5322 Message-ID in the sender's domain. */
    public static String newMessageId(String senderAddress) {
        int at = senderAddress.indexOf('@');
        var domain = at < 0 ? "sandbox.onmicrosoft.test" : senderAddress.substring(at + 1);
        return "<" + Ids.opaque("SB", 18).replace('-', 'x').replace('_', 'y') + "@" + domain + ">";
    }

    /** Standard headers followed by the custom ones. */
    public static List<Header> standard(
            Recipient from,
            List<Recipient> to,
            List<Recipient> cc,
            String subject,
            String messageId,
            Instant date,
            @Nullable String inReplyTo,
            List<Header> custom) {
        var headers = new ArrayList<Header>();
        headers.add(new Header(
                "Received",
                "from sandbox.mailboard.local by sandbox.mailboard.local with HTTP; "
                        + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))));
        headers.add(new Header("From", format(from)));
        headers.add(new Header("To", to.stream().map(InternetHeaders::format).collect(Collectors.joining(", "))));
        if (!cc.isEmpty()) {
            headers.add(
                    new Header("Cc", cc.stream().map(InternetHeaders::format).collect(Collectors.joining(", "))));
        }
        headers.add(new Header("Subject", subject));
        headers.add(new Header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))));
        headers.add(new Header("Message-ID", messageId));
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            headers.add(new Header("In-Reply-To", inReplyTo));
            headers.add(new Header("References", inReplyTo));
        }
        headers.add(new Header("MIME-Version", "1.0"));
        headers.add(new Header("Content-Type", "text/html; charset=\"utf-8\""));
        headers.addAll(custom);
        return headers;
    }

    private static String format(Recipient r) {
        return r.name().isBlank() ? "<" + r.address() + ">" : "\"" + r.name() + "\" <" + r.address() + ">";
    }
}
