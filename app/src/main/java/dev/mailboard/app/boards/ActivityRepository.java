package dev.mailboard.app.boards;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the item activity log. */
@Repository
class ActivityRepository {

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            ItemId itemId,
            Author actor,
            @Nullable ColumnId columnId,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            Instant at) {
        jdbc.sql("insert into item_activity (item_id, column_id, field, old_value, new_value, created_at, "
                        + AuthorColumns.names("actor") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(itemId.value())
                .param(columnId == null ? null : columnId.value())
                .param(AuthorColumns.shorten(field, 200))
                .param(oldValue)
                .param(newValue)
                .param(Timestamp.from(at))
                .params(AuthorColumns.values(actor))
                .update();
    }

    List<ActivityView> find(ItemId itemId, int limit) {
        return jdbc.sql("select * from item_activity where item_id = ? order by id desc limit ?")
                .params(itemId.value(), limit)
                .query((rs, n) -> {
                    UUID column = rs.getObject("column_id", UUID.class);
                    return new ActivityView(
                            itemId,
                            AuthorColumns.read(rs, "actor"),
                            column == null ? null : new ColumnId(column),
                            rs.getString("field"),
                            rs.getString("old_value"),
                            rs.getString("new_value"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }
}
