package dev.mailboard.app.mail;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.mail.graph.GraphHeader;
import dev.mailboard.app.mail.graph.GraphItemBody;
import dev.mailboard.app.mail.graph.GraphMessage;
import dev.mailboard.app.mail.graph.GraphRecipient;
import dev.mailboard.app.text.RichText;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns a Graph message into a {@link MailReceived}: bodies sanitized, headers read, automated mail classified. */
final class ReceivedMail {

    private ReceivedMail() {}

    static MailReceived from(
            GraphMessage message,
            ConnectionId connection,
            AccountId account,
            List<MailAttachment> attachments,
            MailReceived.Discovery foundBy) {
        List<MailHeader> headers = message.internetMessageHeaders().stream()
                .map(ReceivedMail::header)
                .toList();
        MailAddress from = address(message.from());
        return new MailReceived(
                connection,
                account,
                message.id(),
                message.internetMessageId(),
                message.conversationId(),
                Objects.requireNonNullElse(message.subject(), ""),
                from,
                addresses(message.toRecipients()),
                addresses(message.ccRecipients()),
                Objects.requireNonNullElse(message.receivedDateTime(), Instant.EPOCH),
                firstMessageId(message.header("In-Reply-To")),
                messageIds(message.header("References")),
                html(message.body()),
                html(message.uniqueBody() == null ? message.body() : message.uniqueBody()),
                message.bodyTruncated(),
                Objects.requireNonNullElse(message.importance(), "normal").toLowerCase(Locale.ROOT),
                attachments,
                AutomatedMail.classify(headers, from == null ? "" : from.address()),
                foundBy);
    }

    private static MailHeader header(GraphHeader header) {
        return new MailHeader(header.name(), header.value());
    }

    private static @Nullable MailAddress address(@Nullable GraphRecipient recipient) {
        if (recipient == null || recipient.emailAddress() == null || recipient.address() == null) {
            return null;
        }
        return new MailAddress(
                recipient.address(),
                Objects.requireNonNullElse(recipient.emailAddress().name(), ""));
    }

    private static List<MailAddress> addresses(List<GraphRecipient> recipients) {
        return recipients.stream()
                .map(ReceivedMail::address)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String html(@Nullable GraphItemBody body) {
        if (body == null || body.content() == null) {
            return "";
        }
        return "text".equalsIgnoreCase(body.contentType())
                ? RichText.fromPlainText(body.content())
                : RichText.sanitize(body.content());
    }

    /** Message ids of a {@code References} or {@code In-Reply-To} header, in order, with their angle brackets. */
    static List<String> messageIds(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split("[\\s,]+"))
                .map(String::strip)
                .filter(id -> id.startsWith("<") && id.endsWith(">") && id.length() > 2)
                .toList();
    }

    private static @Nullable String firstMessageId(@Nullable String header) {
        List<String> ids = messageIds(header);
        return ids.isEmpty() ? null : ids.get(0);
    }
}
