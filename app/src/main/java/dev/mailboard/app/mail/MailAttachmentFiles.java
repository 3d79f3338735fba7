package dev.mailboard.app.mail;

import dev.mailboard.app.connections.AccessTokens;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.mail.graph.FetchedAttachment;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The content of a received mail's attachments, read when an action needs it and only within the configured
 * count and size limits (S-57); larger ones, and item or reference attachments, come without content.
 * Reference links are never fetched (S-58).
 */
@Service
public class MailAttachmentFiles {

    private final AccessTokens tokens;
    private final GraphClient graph;

    MailAttachmentFiles(AccessTokens tokens, GraphClient graph) {
        this.tokens = tokens;
        this.graph = graph;
    }

    /** An attachment and, when it was within the limits, its content. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier read once by the caller; never compared
    public record File(String name, String contentType, long size, boolean inline, byte @Nullable [] content) {

        /**
         * Whether only the description came (over the limits, or not a file).
         *
         * @return true without content
         */
        public boolean isReference() {
            return content == null;
        }
    }

    /**
     * Reads a message's attachments.
     *
     * @param connection the mailbox connection
     * @param messageId the message's immutable id
     * @return the attachments, in the message's order
     * @throws dev.mailboard.app.connections.ConnectionUnavailableException when no token can be had
     * @throws MailboxUnavailableException when Graph refuses or fails
     */
    public List<File> files(ConnectionId connection, String messageId) {
        GraphAccess access = new GraphAccess(
                connection.toString(), tokens.freshToken(connection).reveal());
        try {
            return graph.attachments(access, messageId).stream()
                    .map(MailAttachmentFiles::file)
                    .toList();
        } catch (GraphException e) {
            throw new MailboxUnavailableException(String.valueOf(e.getMessage()), e);
        }
    }

    private static File file(FetchedAttachment fetched) {
        var a = fetched.attachment();
        return new File(
                a.name() == null ? "attachment" : a.name(),
                a.contentType() == null ? "application/octet-stream" : a.contentType(),
                a.size(),
                a.isInline(),
                fetched.content());
    }
}
