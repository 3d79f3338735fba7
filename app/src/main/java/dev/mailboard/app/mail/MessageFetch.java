package dev.mailboard.app.mail;

import dev.mailboard.app.mail.graph.FetchedAttachment;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphBatchResult;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphException;
import dev.mailboard.app.mail.graph.GraphMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Fetches messages of a watched mailbox by id and sorts them: Inbox messages to publish, messages that are
 * elsewhere or gone (dropped, S-26), and failures to retry. Holds no database transaction during the calls.
 */
@Component
class MessageFetch {

    private final GraphClient graph;
    private final WatchRepository watches;

    MessageFetch(GraphClient graph, WatchRepository watches) {
        this.graph = graph;
        this.watches = watches;
    }

    /** An Inbox message with its attachments described. */
    record Found(GraphMessage message, List<MailAttachment> attachments) {}

    /**
     * What a fetch came to, by message id.
     *
     * @param inInbox messages in the watched Inbox
     * @param dropped ids of messages in another folder, or deleted
     * @param failed ids that could not be fetched now, with why
     */
    record Fetched(List<Found> inInbox, Set<String> dropped, Map<String, GraphException> failed) {}

    /** The Inbox's immutable folder id: asked of Graph once, then kept with the watch. */
    String inboxFolderId(WatchRepository.Watch watch, GraphAccess access) {
        String known = watch.inboxFolderId();
        if (known != null) {
            return known;
        }
        String id = graph.inboxFolderId(access);
        watches.setInboxFolderId(watch.connection(), id);
        return id;
    }

    /**
     * Fetches messages, several at once through {@code $batch}.
     *
     * @throws GraphException when the whole request failed
     */
    Fetched fetch(GraphAccess access, String inboxFolderId, List<String> messageIds) {
        Map<String, GraphMessage> messages = new LinkedHashMap<>();
        Map<String, GraphException> failures = new LinkedHashMap<>();
        if (messageIds.size() == 1) {
            String id = messageIds.get(0);
            try {
                messages.put(id, graph.message(access, id));
            } catch (GraphException e) {
                failures.put(id, e);
            }
        } else if (!messageIds.isEmpty()) {
            GraphBatchResult result = graph.messages(access, messageIds);
            messages.putAll(result.messages());
            failures.putAll(result.failures());
        }
        List<Found> found = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        messages.forEach((id, message) -> {
            if (!inboxFolderId.equals(message.parentFolderId())) {
                dropped.add(id);
                return;
            }
            try {
                found.add(new Found(message, attachments(access, message)));
            } catch (GraphException e) {
                failures.put(id, e);
            }
        });
        Map<String, GraphException> failed = new LinkedHashMap<>();
        failures.forEach((id, e) -> {
            if (e.kind() == GraphException.Kind.GONE) {
                dropped.add(id);
            } else {
                failed.put(id, e);
            }
        });
        return new Fetched(found, dropped, failed);
    }

    private List<MailAttachment> attachments(GraphAccess access, GraphMessage message) {
        if (!message.hasAttachments()) {
            return List.of();
        }
        return graph.attachments(access, message.id()).stream()
                .map(FetchedAttachment::attachment)
                .map(a -> new MailAttachment(
                        a.id(),
                        Objects.requireNonNullElse(a.name(), ""),
                        Objects.requireNonNullElse(a.contentType(), "application/octet-stream"),
                        a.size(),
                        a.isInline(),
                        null))
                .toList();
    }
}
