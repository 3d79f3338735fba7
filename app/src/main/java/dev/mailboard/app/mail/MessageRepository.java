package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_message} table: the Inbox messages already published, one row per (connection, message). */
@Repository
class MessageRepository {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a message unless it is recorded; answers whether this call recorded it (S-27). */
    boolean insertIfAbsent(
            ConnectionId connection,
            String messageId,
            @Nullable Instant receivedAt,
            MailReceived.Discovery foundBy,
            Instant now) {
        return jdbc.sql("insert into mail_message (connection_id, message_id, received_at, found_by, recorded_at)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .param(connection.value())
                        .param(messageId)
                        .param(receivedAt == null ? null : Timestamp.from(receivedAt))
                        .param(foundBy.name())
                        .param(Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Which of these message ids are recorded for the connection. */
    Set<String> recorded(ConnectionId connection, Collection<String> messageIds) {
        List<String> all = List.copyOf(messageIds);
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(recordedChunk(connection, all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return found;
    }

    private List<String> recordedChunk(ConnectionId connection, List<String> messageIds) {
        String in = messageIds.stream().map(id -> "?").collect(Collectors.joining(","));
        return jdbc.sql("select message_id from mail_message where connection_id = ? and message_id in (" + in + ")")
                .param(connection.value())
                .params(messageIds.toArray())
                .query(String.class)
                .list();
    }

    long count(ConnectionId connection) {
        return jdbc.sql("select count(*) from mail_message where connection_id = ?")
                .param(connection.value())
                .query(Long.class)
                .single();
    }
}
