package dev.mailboard.app.mail.graph;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a Graph message that Mailboard uses ({@link #SELECT}). Bodies longer than the configured
 * size are cut, and then {@code bodyTruncated} is true (Graph never sends that field).
 *
 * @param id the message id (immutable when fetched by this client)
 * @param parentFolderId the folder holding the message
 * @param subject the subject
 * @param from the mailbox owner or sender
 * @param sender the account that actually sent the message
 * @param toRecipients the To recipients
 * @param ccRecipients the Cc recipients
 * @param replyTo the Reply-To addresses
 * @param receivedDateTime when it was received
 * @param internetMessageId the RFC 2822 Message-ID
 * @param conversationId the conversation (thread) id
 * @param internetMessageHeaders the headers, when selected
 * @param uniqueBody the part of the body unique to this message in its conversation
 * @param body the body
 * @param hasAttachments whether it has (non-inline) attachments
 * @param importance {@code low}, {@code normal} or {@code high}
 * @param isDeliveryReceiptRequested whether a delivery receipt was asked for
 * @param isReadReceiptRequested whether a read receipt was asked for
 * @param bodyTruncated whether {@code body} or {@code uniqueBody} was cut to the configured size (S-57)
 */
public record GraphMessage(
        String id,
        @Nullable String parentFolderId,
        @Nullable String subject,
        @Nullable GraphRecipient from,
        @Nullable GraphRecipient sender,
        List<GraphRecipient> toRecipients,
        List<GraphRecipient> ccRecipients,
        List<GraphRecipient> replyTo,
        @Nullable Instant receivedDateTime,
        @Nullable String internetMessageId,
        @Nullable String conversationId,
        List<GraphHeader> internetMessageHeaders,
        @Nullable GraphItemBody uniqueBody,
        @Nullable GraphItemBody body,
        boolean hasAttachments,
        @Nullable String importance,
        boolean isDeliveryReceiptRequested,
        boolean isReadReceiptRequested,
        boolean bodyTruncated) {

    /** The {@code $select} of a message fetch: exactly the fields above. */
    static final String SELECT = "id,parentFolderId,subject,from,sender,toRecipients,ccRecipients,replyTo,"
            + "receivedDateTime,internetMessageId,conversationId,internetMessageHeaders,uniqueBody,body,"
            + "hasAttachments,importance,isDeliveryReceiptRequested,isReadReceiptRequested";

    /** The same fields without the bodies, for a message too large to read whole. */
    static final String SELECT_WITHOUT_BODIES = SELECT.replace("uniqueBody,body,", "");

    public GraphMessage {
        Objects.requireNonNull(id, "a Graph message without id");
        toRecipients = toRecipients == null ? List.of() : List.copyOf(toRecipients);
        ccRecipients = ccRecipients == null ? List.of() : List.copyOf(ccRecipients);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        internetMessageHeaders = internetMessageHeaders == null ? List.of() : List.copyOf(internetMessageHeaders);
    }

    /** The first header of that name (case-insensitive), or null. */
    public @Nullable String header(String name) {
        return internetMessageHeaders.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(GraphHeader::value)
                .findFirst()
                .orElse(null);
    }

    /** This message with bodies of at most {@code maxChars} characters. */
    GraphMessage keepingBodiesUpTo(long maxChars) {
        boolean cut =
                body != null && body.isLongerThan(maxChars) || uniqueBody != null && uniqueBody.isLongerThan(maxChars);
        if (!cut) {
            return this;
        }
        return withBodies(
                uniqueBody == null ? null : uniqueBody.cutTo(maxChars), body == null ? null : body.cutTo(maxChars));
    }

    /** This message without bodies, marked as truncated. */
    GraphMessage withoutBodies() {
        return withBodies(null, null);
    }

    private GraphMessage withBodies(@Nullable GraphItemBody unique, @Nullable GraphItemBody full) {
        return new GraphMessage(
                id,
                parentFolderId,
                subject,
                from,
                sender,
                toRecipients,
                ccRecipients,
                replyTo,
                receivedDateTime,
                internetMessageId,
                conversationId,
                internetMessageHeaders,
                unique,
                full,
                hasAttachments,
                importance,
                isDeliveryReceiptRequested,
                isReadReceiptRequested,
                true);
    }
}
