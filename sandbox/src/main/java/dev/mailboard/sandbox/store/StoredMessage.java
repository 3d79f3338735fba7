package dev.mailboard.sandbox.store;

import java.time.Instant;

/**
 * A message in a mailbox folder.
 *
 * @param immutableId the id that survives moves
 * @param restId the default id, replaced on every move
 * @param seq the change sequence number of the last change
 * @param folderSeq the change sequence number at which the message entered its folder
 */
public record StoredMessage(
        String immutableId,
        String restId,
        String mailboxId,
        String folderId,
        long seq,
        long folderSeq,
        Instant createdAt,
        Instant receivedAt,
        Instant modifiedAt,
        boolean isRead,
        boolean isDraft,
        int version,
        MessageContent content) {

    /** The id in the requested format. */
    public String id(boolean immutable) {
        return immutable ? immutableId : restId;
    }

    /** Outlook's change key: a version marker that changes on every change. */
    public String changeKey() {
        return "CQAAABYAAAA" + Long.toString(seq, 36) + "v" + version;
    }

    StoredMessage moved(String newRestId, String newFolderId, long newSeq, Instant now) {
        return new StoredMessage(
                immutableId,
                newRestId,
                mailboxId,
                newFolderId,
                newSeq,
                newSeq,
                createdAt,
                receivedAt,
                now,
                isRead,
                isDraft,
                version + 1,
                content);
    }

    StoredMessage changed(long newSeq, Instant now, boolean read, boolean draft, MessageContent newContent) {
        return new StoredMessage(
                immutableId,
                restId,
                mailboxId,
                folderId,
                newSeq,
                folderSeq,
                createdAt,
                receivedAt,
                now,
                read,
                draft,
                version + 1,
                newContent);
    }
}
