package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Graph calls that change mail: sendMail, drafts and their send, reply, replyAll, createReply, PATCH, move, delete. */
final class MessageWrites {

    private final MailStore store;
    private final Outbox outbox;
    private final SandboxJson json;

    MessageWrites(MailStore store, Outbox outbox, SandboxJson json) {
        this.store = store;
        this.outbox = outbox;
        this.json = json;
    }

    GraphResponse sendMail(GraphRequest r, Caller caller, Mailbox mailbox) {
        Permissions.requireSend(caller);
        var body = json.read(r.body());
        var message = body.path("message");
        if (!message.isObject()) {
            throw new GraphException(400, "ErrorInvalidRequest", "Empty message: the request needs a 'message'.");
        }
        var content = GraphMessages.content(message, mailbox, store.now(), null, null);
        outbox.send(mailbox, content, body.path("saveToSentItems").asBoolean(true), null);
        return GraphResponse.empty(202);
    }

    GraphResponse createDraft(GraphRequest r, Caller caller, Mailbox mailbox) {
        Permissions.requireWrite(caller);
        var content = GraphMessages.content(json.read(r.body()), mailbox, store.now(), null, null);
        var draft = store.insert(mailbox.id(), mailbox.wellKnown("drafts").id(), content, true, true);
        return created(r, draft);
    }

    GraphResponse sendDraft(Caller caller, Mailbox mailbox, StoredMessage draft) {
        Permissions.requireSend(caller);
        if (!draft.isDraft()) {
            throw new GraphException(400, "ErrorInvalidOperation", "Only a draft can be sent.");
        }
        outbox.send(mailbox, draft.content(), true, draft);
        return GraphResponse.empty(202);
    }

    GraphResponse reply(GraphRequest r, Caller caller, Mailbox mailbox, StoredMessage original, boolean all) {
        Permissions.requireSend(caller);
        outbox.send(mailbox, replyContent(r, mailbox, original, all), true, null);
        return GraphResponse.empty(202);
    }

    GraphResponse createReply(GraphRequest r, Caller caller, Mailbox mailbox, StoredMessage original) {
        Permissions.requireWrite(caller);
        var content = replyContent(r, mailbox, original, false);
        return created(r, store.insert(mailbox.id(), mailbox.wellKnown("drafts").id(), content, true, true));
    }

    GraphResponse update(GraphRequest r, Caller caller, StoredMessage message) {
        Permissions.requireWrite(caller);
        var patch = json.read(r.body());
        boolean read = patch.path("isRead").asBoolean(message.isRead());
        var content = message.content();
        if (message.isDraft() && patch.has("subject")) {
            var c = content;
            content = new MessageContent(
                    patch.path("subject").asString(""),
                    c.bodyType(),
                    c.body(),
                    c.from(),
                    c.sender(),
                    c.to(),
                    c.cc(),
                    c.bcc(),
                    c.replyTo(),
                    c.internetMessageId(),
                    c.conversationId(),
                    c.headers(),
                    c.attachments(),
                    c.importance(),
                    c.sentAt());
        }
        var updated = store.update(message.immutableId(), read, message.isDraft(), content)
                .orElseThrow(GraphException::notFound);
        return ok(r, updated, 200);
    }

    GraphResponse move(GraphRequest r, Caller caller, Mailbox mailbox, StoredMessage message) {
        Permissions.requireWrite(caller);
        var destination = json.read(r.body()).path("destinationId").asString("");
        var folder = mailbox.folder(destination)
                .orElseThrow(() -> new GraphException(400, "ErrorInvalidIdMalformed", "Id is malformed."));
        var moved = store.move(message.immutableId(), folder.id()).orElseThrow(GraphException::notFound);
        return ok(r, moved, 201);
    }

    GraphResponse delete(Caller caller, Mailbox mailbox, StoredMessage message) {
        Permissions.requireWrite(caller);
        var deleted = mailbox.wellKnown("deleteditems").id();
        if (message.folderId().equals(deleted)) {
            store.delete(message.immutableId());
        } else {
            store.move(message.immutableId(), deleted);
        }
        return GraphResponse.empty(204);
    }

    private MessageContent replyContent(GraphRequest r, Mailbox mailbox, StoredMessage original, boolean all) {
        var body = json.read(r.body());
        var message = body.path("message");
        var comment = body.path("comment").asString("");
        if (!comment.isEmpty() && message.path("body").has("content")) {
            throw new GraphException(400, "ErrorInvalidRequest", "Give either 'comment' or 'message.body', not both.");
        }
        var o = original.content();
        var to = recipients(message, "toRecipients", o.replyTo().isEmpty() ? List.of(o.from()) : o.replyTo());
        var cc = new ArrayList<Recipient>(recipients(message, "ccRecipients", List.of()));
        if (all) {
            o.to().stream()
                    .filter(x -> !x.address().equalsIgnoreCase(mailbox.address()))
                    .forEach(to::add);
            cc.addAll(o.cc());
        }
        var text = comment.isEmpty() ? message.path("body").path("content").asString("") : comment;
        var subject = o.subject().toLowerCase(Locale.ROOT).startsWith("re:") ? o.subject() : "RE: " + o.subject();
        var html = "<div>" + (comment.isEmpty() ? text : HtmlUtils.htmlEscape(text)) + "</div><hr><div>From: "
                + HtmlUtils.htmlEscape(o.from().address()) + "<br>Subject: " + HtmlUtils.htmlEscape(o.subject())
                + "</div>" + o.body();
        var node = json.mapper().createObjectNode();
        node.put("subject", subject);
        node.putObject("body").put("contentType", "html").put("content", html);
        node.set("toRecipients", json.mapper().valueToTree(MessageJson.recipients(to)));
        node.set("ccRecipients", json.mapper().valueToTree(MessageJson.recipients(cc)));
        node.set(
                "internetMessageHeaders",
                message.path("internetMessageHeaders").isArray()
                        ? message.path("internetMessageHeaders")
                        : json.mapper().createArrayNode());
        node.set(
                "attachments",
                message.path("attachments").isArray()
                        ? message.path("attachments")
                        : json.mapper().createArrayNode());
        return GraphMessages.content(node, mailbox, store.now(), o.conversationId(), o.internetMessageId());
    }

    private static List<Recipient> recipients(JsonNode message, String field, List<Recipient> fallback) {
        var given = message.path(field);
        return new ArrayList<>(given.isArray() && !given.isEmpty() ? GraphMessages.recipients(given) : fallback);
    }

    private GraphResponse created(GraphRequest r, StoredMessage message) {
        return ok(r, message, 201);
    }

    private GraphResponse ok(GraphRequest r, StoredMessage message, int status) {
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "@odata.context",
                r.graphBase() + "/v1.0/$metadata#users('" + message.mailboxId() + "')/messages/$entity");
        body.putAll(MessageJson.message(message, null, MessageReads.options(r, false)));
        return GraphResponse.json(status, json.write(body));
    }
}
