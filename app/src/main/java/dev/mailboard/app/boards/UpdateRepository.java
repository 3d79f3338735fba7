package dev.mailboard.app.boards;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the updates posted on items. */
@Repository
class UpdateRepository {

    private final JdbcClient jdbc;
    private final FileRepository files;

    UpdateRepository(JdbcClient jdbc, FileRepository files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    UpdateView insert(ItemId itemId, String body, Author author, Instant now) {
        UpdateId id = new UpdateId(UUID.randomUUID());
        jdbc.sql("insert into item_update (id, item_id, body, created_at, " + AuthorColumns.names("author")
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .param(id.value())
                .param(itemId.value())
                .param(body)
                .param(Timestamp.from(now))
                .params(AuthorColumns.values(author))
                .update();
        return new UpdateView(id, itemId, body, author, now, List.of());
    }

    Optional<ItemId> itemOf(UpdateId id) {
        return jdbc.sql("select item_id from item_update where id = ?")
                .param(id.value())
                .query((rs, n) -> new ItemId(rs.getLong("item_id")))
                .optional();
    }

    /** The newest updates of an item first, with their files. */
    List<UpdateView> find(ItemId itemId, int limit) {
        Map<UpdateId, List<FileView>> attached = files.findByItem(itemId).stream()
                .filter(f -> f.updateId() != null)
                .collect(Collectors.groupingBy(f -> java.util.Objects.requireNonNull(f.updateId())));
        return jdbc.sql("select * from item_update where item_id = ? order by created_at desc, id limit ?")
                .params(itemId.value(), limit)
                .query((rs, n) -> {
                    UpdateId id = new UpdateId(rs.getObject("id", UUID.class));
                    return new UpdateView(
                            id,
                            itemId,
                            rs.getString("body"),
                            AuthorColumns.read(rs, "author"),
                            rs.getTimestamp("created_at").toInstant(),
                            attached.getOrDefault(id, List.of()));
                })
                .list();
    }
}
