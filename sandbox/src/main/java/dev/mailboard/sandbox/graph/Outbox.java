package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.SentRecord;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Sends mail: keeps the Sent Items copy, delivers to sandbox mailboxes' Inboxes and logs the rest as external. */
final class Outbox {

    private final MailStore store;
    private final Mailboxes mailboxes;

    Outbox(MailStore store, Mailboxes mailboxes) {
        this.store = store;
        this.mailboxes = mailboxes;
    }

    void send(Mailbox sender, MessageContent content, boolean saveToSentItems, @Nullable StoredMessage draft) {
        if (content.to().isEmpty() && content.cc().isEmpty() && content.bcc().isEmpty()) {
            throw new GraphException(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
        }
        var sentItems = sender.wellKnown("sentitems").id();
        String sentId;
        if (draft != null) {
            store.update(draft.immutableId(), true, false, content);
            sentId = store.move(draft.immutableId(), sentItems)
                    .map(StoredMessage::immutableId)
                    .orElse("");
        } else if (saveToSentItems) {
            sentId = store.insert(sender.id(), sentItems, content, true, false).immutableId();
        } else {
            sentId = "";
        }
        var delivered = new ArrayList<String>();
        var external = new ArrayList<String>();
        var addresses = new LinkedHashSet<String>();
        Stream.of(content.to(), content.cc(), content.bcc())
                .flatMap(java.util.List::stream)
                .map(Recipient::address)
                .forEach(a -> addresses.add(a.toLowerCase(Locale.ROOT)));
        for (var address : addresses) {
            var recipient = mailboxes.find(address).orElse(null);
            if (recipient == null) {
                external.add(address);
            } else {
                store.insert(recipient.id(), recipient.wellKnown("inbox").id(), withoutBcc(content), false, false);
                delivered.add(address);
            }
        }
        store.recordSent(new SentRecord(sender.id(), sentId, store.now(), delivered, external, content));
    }

    private static MessageContent withoutBcc(MessageContent c) {
        return new MessageContent(
                c.subject(),
                c.bodyType(),
                c.body(),
                c.from(),
                c.sender(),
                c.to(),
                c.cc(),
                java.util.List.of(),
                c.replyTo(),
                c.internetMessageId(),
                c.conversationId(),
                c.headers(),
                c.attachments(),
                c.importance(),
                c.sentAt());
    }
}
