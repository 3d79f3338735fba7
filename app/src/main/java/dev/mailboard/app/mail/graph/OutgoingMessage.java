package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to send or save as a draft. Custom headers must start with {@code x-}.
 *
 * @param subject the subject
 * @param body the body
 * @param toRecipients the To recipients
 * @param ccRecipients the Cc recipients
 * @param replyTo the Reply-To addresses
 * @param internetMessageHeaders custom {@code x-} headers
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OutgoingMessage(
        @Nullable String subject,
        @Nullable GraphItemBody body,
        List<GraphRecipient> toRecipients,
        List<GraphRecipient> ccRecipients,
        List<GraphRecipient> replyTo,
        List<GraphHeader> internetMessageHeaders) {

    public OutgoingMessage {
        toRecipients = List.copyOf(toRecipients);
        ccRecipients = List.copyOf(ccRecipients);
        replyTo = List.copyOf(replyTo);
        internetMessageHeaders = List.copyOf(internetMessageHeaders);
        for (GraphHeader header : internetMessageHeaders) {
            if (!header.name().regionMatches(true, 0, "x-", 0, 2)) {
                throw new IllegalArgumentException("custom headers must start with x-: " + header.name());
            }
        }
    }

    /** A message with a subject, a body and To recipients only. */
    public static OutgoingMessage to(List<GraphRecipient> to, String subject, GraphItemBody body) {
        return new OutgoingMessage(subject, body, to, List.of(), List.of(), List.of());
    }
}
