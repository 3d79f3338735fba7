package dev.mailboard.sandbox.control;

import dev.mailboard.sandbox.store.Attachment;
import dev.mailboard.sandbox.store.Header;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.InternetHeaders;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Delivers mail from outside into a sandbox mailbox, as described by the control API's JSON. */
final class MailDrop {

    private final MailStore store;

    MailDrop(MailStore store) {
        this.store = store;
    }

    StoredMessage deliver(Mailbox mailbox, JsonNode body) {
        var folder = mailbox.folder(body.path("folder").asString("inbox"))
                .orElseThrow(() -> new ControlException(
                        400, "unknown folder '" + body.path("folder").asString() + "'"));
        var now = store.now();
        var fromNode = body.path("from");
        var fromAddress = fromNode.path("address").asString(fromNode.isString() ? fromNode.asString() : "");
        if (!fromAddress.contains("@")) {
            throw new ControlException(400, "'from.address' is required");
        }
        var from = new Recipient(fromNode.path("name").asString(fromAddress), fromAddress);
        var to = recipients(body.path("to"));
        if (to.isEmpty()) {
            to = List.of(new Recipient(mailbox.displayName(), mailbox.address()));
        }
        var cc = recipients(body.path("cc"));
        var subject = body.path("subject").asString("");
        var html = body.path("bodyHtml");
        var bodyType = html.isString() ? "html" : "text";
        var text = html.isString() ? html.asString() : body.path("bodyText").asString("");
        var inReplyTo = body.path("inReplyTo").asString("");
        // only a reply looks through the mailbox for its conversation: a new mail starts one
        var conversationId = inReplyTo.isEmpty()
                ? Ids.opaque("AAQkAG", 30)
                : store.inMailbox(mailbox.id())
                        .filter(m -> m.content().internetMessageId().equals(inReplyTo))
                        .map(m -> m.content().conversationId())
                        .findFirst()
                        .orElseGet(() -> Ids.opaque("AAQkAG", 30));
        var custom = new ArrayList<Header>();
        body.path("headers")
                .properties()
                .forEach(e -> custom.add(new Header(e.getKey(), e.getValue().asString(""))));
        var messageId = InternetHeaders.newMessageId(fromAddress);
        var content = new MessageContent(
                subject,
                bodyType,
                text,
                from,
                from,
                to,
                cc,
                List.of(),
                List.of(),
                messageId,
                conversationId,
                InternetHeaders.standard(from, to, cc, subject, messageId, now, inReplyTo, custom),
                attachments(body.path("attachments"), now),
                "normal",
                now);
        return store.insert(mailbox.id(), folder.id(), content, false, false);
    }

    private static List<Recipient> recipients(JsonNode array) {
        var result = new ArrayList<Recipient>();
        for (var item : array) {
            var address =
                    item.isString() ? item.asString() : item.path("address").asString("");
            if (!address.contains("@")) {
                throw new ControlException(400, "recipient '" + address + "' is not an address");
            }
            result.add(new Recipient(item.path("name").asString(address), address));
        }
        return result;
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private static List<Attachment> attachments(JsonNode array, java.time.Instant now) {
        var result = new ArrayList<Attachment>();
        for (var item : array) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(item.path("contentBase64").asString(""));
            } catch (IllegalArgumentException e) {
                throw new ControlException(400, "attachment content is not base64");
            }
            result.add(new Attachment(
                    Ids.opaque("AAMkAGAtt", 24),
                    item.path("name").asString("attachment"),
                    item.path("contentType").asString("application/octet-stream"),
                    bytes,
                    false,
                    null,
                    now));
        }
        return result;
    }
}
