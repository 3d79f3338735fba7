package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.store.Folder;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.StoredMessage;
import org.jspecify.annotations.Nullable;

/** Routes the mailbox part of a Graph path ({@code /me/...} or {@code /users/{id}/...}) to its handler. */
final class MailRoutes {

    private final MessageReads reads;
    private final MessageWrites writes;
    private final DeltaQuery delta;
    private final MailStore store;

    MailRoutes(MessageReads reads, MessageWrites writes, DeltaQuery delta, MailStore store) {
        this.reads = reads;
        this.writes = writes;
        this.delta = delta;
        this.store = store;
    }

    GraphResponse handle(GraphRequest r, Caller caller, Mailbox mailbox, int i) {
        var first = r.segment(i);
        if (first.isEmpty()) {
            requireMethod(r, "GET");
            return reads.user(r, caller, mailbox);
        }
        if (first.equalsIgnoreCase("mailFolders")) {
            return folders(r, caller, mailbox, i + 1);
        }
        if (first.equalsIgnoreCase("messages")) {
            if (r.segment(i + 1).isEmpty()) {
                return r.method().equals("POST")
                        ? writes.createDraft(r, caller, mailbox)
                        : get(r, () -> reads.list(r, caller, mailbox, null));
            }
            return message(r, caller, mailbox, null, i + 1);
        }
        if (first.equalsIgnoreCase("sendMail") && r.segments().size() == i + 1) {
            requireMethod(r, "POST");
            return writes.sendMail(r, caller, mailbox);
        }
        throw GraphException.badRequest("Resource not found for the segment '" + first + "'.");
    }

    private GraphResponse folders(GraphRequest r, Caller caller, Mailbox mailbox, int i) {
        if (r.segment(i).isEmpty()) {
            return get(r, () -> reads.folders(r, caller, mailbox));
        }
        var folder = mailbox.folder(r.segment(i)).orElseThrow(GraphException::notFound);
        var next = r.segment(i + 1);
        if (next.isEmpty()) {
            return get(r, () -> reads.folder(r, caller, mailbox, folder));
        }
        if (!next.equalsIgnoreCase("messages")) {
            throw GraphException.badRequest("Resource not found for the segment '" + next + "'.");
        }
        if (r.segment(i + 2).isEmpty()) {
            return get(r, () -> reads.list(r, caller, mailbox, folder));
        }
        if (r.is(i + 2, "delta") && r.segments().size() == i + 3) {
            return get(r, () -> delta.handle(r, caller, mailbox, folder));
        }
        return message(r, caller, mailbox, folder, i + 2);
    }

    private GraphResponse message(GraphRequest r, Caller caller, Mailbox mailbox, @Nullable Folder folder, int j) {
        var found = find(mailbox, folder, r.segment(j));
        var action = r.segment(j + 1);
        if (action.isEmpty()) {
            switch (r.method()) {
                case "GET":
                    return reads.message(r, caller, mailbox, found);
                case "PATCH":
                    return writes.update(r, caller, found);
                case "DELETE":
                    return writes.delete(caller, mailbox, found);
                default:
                    throw methodNotAllowed();
            }
        }
        if (action.equalsIgnoreCase("attachments")) {
            return get(r, () -> reads.attachments(r, caller, mailbox, found, j + 2));
        }
        requireMethod(r, "POST");
        switch (action.toLowerCase(java.util.Locale.ROOT)) {
            case "send":
                return writes.sendDraft(caller, mailbox, found);
            case "reply":
                return writes.reply(r, caller, mailbox, found, false);
            case "replyall":
                return writes.reply(r, caller, mailbox, found, true);
            case "createreply":
                return writes.createReply(r, caller, mailbox, found);
            case "move":
                return writes.move(r, caller, mailbox, found);
            default:
                throw GraphException.badRequest("Resource not found for the segment '" + action + "'.");
        }
    }

    private StoredMessage find(Mailbox mailbox, @Nullable Folder folder, String id) {
        var message = store.find(id).orElseThrow(GraphException::notFound);
        if (!message.mailboxId().equals(mailbox.id())
                || folder != null && !message.folderId().equals(folder.id())) {
            throw GraphException.notFound();
        }
        return message;
    }

    private static GraphResponse get(GraphRequest r, java.util.function.Supplier<GraphResponse> handler) {
        requireMethod(r, "GET");
        return handler.get();
    }

    private static void requireMethod(GraphRequest r, String method) {
        if (!r.method().equals(method)) {
            throw methodNotAllowed();
        }
    }

    private static GraphException methodNotAllowed() {
        return new GraphException(
                405,
                "ErrorInvalidRequest",
                "The OData request is not supported: this HTTP method is not allowed for the request target.");
    }
}
