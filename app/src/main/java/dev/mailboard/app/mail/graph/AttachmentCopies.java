package dev.mailboard.app.mail.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a message's attachments within the limits (S-57): at most {@code maxAttachments} file attachments
 * of at most {@code maxAttachmentSize} each; the others, and item or reference attachments, are kept as
 * references (metadata only). Content is never read past its cap, and reference URLs are never fetched.
 */
final class AttachmentCopies {

    private final GraphCalls calls;
    private final int maxAttachments;
    private final long maxAttachmentSize;

    AttachmentCopies(GraphCalls calls, int maxAttachments, long maxAttachmentSize) {
        this.calls = calls;
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    List<FetchedAttachment> fetch(GraphAccess access, String messageId) {
        GraphPage<GraphAttachment> page = calls.stream(
                access.mailbox(),
                "GET attachments",
                api -> api.attachments(access.bearer(), GraphCalls.IMMUTABLE_IDS, messageId, GraphAttachment.SELECT));
        List<FetchedAttachment> result = new ArrayList<>();
        int copied = 0;
        for (GraphAttachment attachment : page.value()) {
            Optional<byte[]> content = Optional.empty();
            if (attachment.isFile() && copied < maxAttachments && attachment.size() <= maxAttachmentSize) {
                content = calls.attachmentContent(access, messageId, attachment.id(), maxAttachmentSize);
            }
            if (content.isPresent()) {
                copied++;
            }
            result.add(new FetchedAttachment(attachment, content.orElse(null)));
        }
        return List.copyOf(result);
    }
}
