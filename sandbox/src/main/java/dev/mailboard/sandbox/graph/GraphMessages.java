package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.store.Attachment;
import dev.mailboard.sandbox.store.Header;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.InternetHeaders;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Graph message JSON (as sent to sendMail, drafts and replies) into message content. */
final class GraphMessages {

    private GraphMessages() {}

    static MessageContent content(
            JsonNode message,
            Mailbox sender,
            Instant now,
            @Nullable String conversationId,
            @Nullable String inReplyTo) {
        var from = new Recipient(sender.displayName(), sender.address());
        var subject = message.path("subject").asString("");
        var to = recipients(message.path("toRecipients"));
        var cc = recipients(message.path("ccRecipients"));
        var messageId = InternetHeaders.newMessageId(sender.address());
        var custom = customHeaders(message.path("internetMessageHeaders"));
        var body = message.path("body");
        var type = body.path("contentType").asString("html").toLowerCase(Locale.ROOT);
        return new MessageContent(
                subject,
                type.equals("text") ? "text" : "html",
                body.path("content").asString(""),
                from,
                from,
                to,
                cc,
                recipients(message.path("bccRecipients")),
                recipients(message.path("replyTo")),
                messageId,
                conversationId == null ? Ids.opaque("AAQkAG", 30) : conversationId,
                InternetHeaders.standard(from, to, cc, subject, messageId, now, inReplyTo, custom),
                attachments(message.path("attachments"), now),
                message.path("importance").asString("normal"),
                now);
    }

    static List<Recipient> recipients(JsonNode array) {
        var result = new ArrayList<Recipient>();
        for (var item : array) {
            var address = item.path("emailAddress").path("address").asString("");
            if (address.isBlank() || !address.contains("@")) {
                throw new GraphException(
                        400,
                        "ErrorInvalidRecipients",
                        "At least one recipient is not valid., Recipient '" + address + "' is not resolved.");
            }
            result.add(new Recipient(item.path("emailAddress").path("name").asString(address), address));
        }
        return result;
    }

    private static List<Header> customHeaders(JsonNode array) {
        var result = new ArrayList<Header>();
        for (var item : array) {
            var name = item.path("name").asString("");
            if (!name.regionMatches(true, 0, "x-", 0, 2)) {
                throw new GraphException(
                        400,
                        "InvalidInternetMessageHeader",
                        "The internet message header name '" + name + "' should start with 'x-' or 'X-'.");
            }
            result.add(new Header(name, item.path("value").asString("")));
        }
        return result;
    }

    private static List<Attachment> attachments(JsonNode array, Instant now) {
        var result = new ArrayList<Attachment>();
        for (var item : array) {
            var bytes = Base64.getDecoder().decode(item.path("contentBytes").asString(""));
            result.add(new Attachment(
                    Ids.opaque("AAMkAGAtt", 24),
                    item.path("name").asString("attachment"),
                    item.path("contentType").asString("application/octet-stream"),
                    bytes,
                    item.path("isInline").asBoolean(false),
                    null,
                    now));
        }
        return result;
    }
}
