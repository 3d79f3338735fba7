package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.ItemId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code recipe_thread} table: which {@code Message-ID}s (of mail received or sent for an item) and
 * which conversations belong to which item of a board.
 */
@Repository
class ThreadIndex {

    static final String MESSAGE = "message";
    static final String CONVERSATION = "conversation";

    /** A mail sent from an item, by send id: makes its update on the item happen once. */
    static final String SENT_MAIL = "sent-mail";

    /** The kind of the row that claims the "not sent" note of a failed send (keyed by send id). */
    static final String FAILED_MAIL = "failed-mail";

    private final JdbcClient jdbc;

    ThreadIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that a mail belongs to an item; the first item a key was noted for keeps it. */
    void remember(
            BoardId board, ItemId item, @Nullable String messageId, @Nullable String conversationId, Instant now) {
        put(board, MESSAGE, messageId, item, now);
        put(board, CONVERSATION, conversationId, item, now);
    }

    /** The item of the first of these message ids that Mailboard knows on the board. */
    Optional<ItemId> byMessageIds(BoardId board, List<String> messageIds) {
        for (String id : messageIds) {
            Optional<ItemId> item = find(board, MESSAGE, normalise(id));
            if (item.isPresent()) {
                return item;
            }
        }
        return Optional.empty();
    }

    Optional<ItemId> byConversation(BoardId board, @Nullable String conversationId) {
        return conversationId == null || conversationId.isBlank()
                ? Optional.empty()
                : find(board, CONVERSATION, conversationId);
    }

    /** The ids a reply names, nearest first: {@code In-Reply-To}, then {@code References} newest first. */
    static List<String> repliedTo(MailFacts mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references);
        ids.addAll(references);
        return ids;
    }

    private void put(BoardId board, String kind, @Nullable String key, ItemId item, Instant now) {
        if (key == null || key.isBlank() || key.length() > 1000) {
            return;
        }
        String stored = kind.equals(MESSAGE) ? normalise(key) : key;
        jdbc.sql("insert into recipe_thread (board_id, kind, thread_key, item_id, created_at) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(board.value(), kind, stored, item.value(), Timestamp.from(now))
                .update();
    }

    private Optional<ItemId> find(BoardId board, String kind, String key) {
        return jdbc.sql("select item_id from recipe_thread where board_id = ? and kind = ? and thread_key = ?")
                .params(board.value(), kind, key)
                .query(Long.class)
                .optional()
                .map(ItemId::new);
    }

    /** Message ids compare without their angle brackets and surrounding space. */
    static String normalise(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    /**
     * Claims the one update of a sent mail on its item: true the first time for a send id, false after.
     *
     * @param board the item's board
     * @param sendId the send id
     * @param item the item
     * @param now the time
     * @return whether this call claimed it
     */
    boolean claimSentMail(BoardId board, java.util.UUID sendId, ItemId item, Instant now) {
        return jdbc.sql(
                                "insert into recipe_thread (board_id, kind, thread_key, item_id, created_at) values (?, ?, ?, ?, ?)"
                                        + " on conflict do nothing")
                        .params(board.value(), SENT_MAIL, sendId.toString(), item.value(), Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Claims the "not sent" note of a failed send on the item; false when it was written before. */
    boolean claimFailedMail(BoardId board, java.util.UUID sendId, ItemId item, Instant now) {
        return jdbc.sql(
                                "insert into recipe_thread (board_id, kind, thread_key, item_id, created_at) values (?, ?, ?, ?, ?)"
                                        + " on conflict do nothing")
                        .params(board.value(), FAILED_MAIL, sendId.toString(), item.value(), Timestamp.from(now))
                        .update()
                > 0;
    }
}
