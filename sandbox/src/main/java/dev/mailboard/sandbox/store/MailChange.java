package dev.mailboard.sandbox.store;

/** A change to a message as seen from one folder: it arrived, changed, or left. */
public record MailChange(Kind kind, String folderId, String restId, StoredMessage message) {

    /** The kinds of change, named as Graph's change types. */
    public enum Kind {
        CREATED,
        UPDATED,
        DELETED;

        /** The Graph change type, e.g. {@code created}. */
        public String changeType() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
