package dev.mailboard.app.boards;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores items and their column values. */
@Repository
class ItemRepository {

    static final String COLUMNS = "i.id, i.board_id, i.name, i.position, i.created_at, i.archived, i.version, "
            + "i.created_by_kind, i.created_by_user_id, i.created_by_name, i.created_by_source";

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an item at the end of its board; answers its row as stored (not archived, version 0). */
    ItemRow insert(BoardId boardId, String name, Author author, Instant now) {
        long position = jdbc.sql("select coalesce(max(position), 0) + 1 from item where board_id = ?")
                .param(boardId.value())
                .query(Long.class)
                .single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into item (board_id, name, position, created_at, " + AuthorColumns.names("created_by")
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .param(boardId.value())
                .param(name)
                .param(position)
                .param(Timestamp.from(now))
                .params(AuthorColumns.values(author))
                .update(keys, "id");
        Number key = keys.getKey();
        if (key == null) {
            throw new IllegalStateException("The database returned no item id");
        }
        return new ItemRow(new ItemId(key.longValue()), boardId, name, position, author, now, false, 0);
    }

    Optional<BoardId> boardOf(ItemId id) {
        return jdbc.sql("select board_id from item where id = ?")
                .param(id.value())
                .query((rs, n) -> new BoardId(rs.getObject("board_id", UUID.class)))
                .optional();
    }

    Optional<ItemView> find(ItemId id) {
        return jdbc
                .sql("select " + COLUMNS + " from item i where i.id = ?")
                .param(id.value())
                .query(ItemRepository::row)
                .list()
                .stream()
                .findFirst()
                .map(row -> views(List.of(row)).get(0));
    }

    /** Adds one to the version if it is the expected one (any version when null); false when stale. */
    boolean bumpVersion(ItemId id, @Nullable Long expectedVersion) {
        String sql = "update item set version = version + 1 where id = ?"
                + (expectedVersion == null ? "" : " and version = ?");
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(id.value());
        if (expectedVersion != null) {
            statement = statement.param(expectedVersion);
        }
        return statement.update() == 1;
    }

    void rename(ItemId id, String name) {
        jdbc.sql("update item set name = ? where id = ?")
                .params(name, id.value())
                .update();
    }

    void setArchived(ItemId id, boolean archived) {
        jdbc.sql("update item set archived = ? where id = ?")
                .params(archived, id.value())
                .update();
    }

    /** A column value as stored: its text and, for a number or date, its sort key. */
    record StoredValue(
            ColumnId column, String text, @Nullable BigDecimal number) {}

    /** Stores the first values of a new item, which has none yet, in one statement. */
    void insertValues(ItemId id, List<StoredValue> values) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into item_value (item_id, column_id, text_value, sort_text, sort_number) values ");
        List<@Nullable Object> params = new ArrayList<>();
        for (StoredValue value : values) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            params.add(id.value());
            params.add(value.column().value());
            params.add(value.text());
            params.add(sortText(value.text()));
            params.add(value.number());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    void putValue(ItemId id, ColumnId column, String value, @Nullable BigDecimal number) {
        String sortText = sortText(value);
        int updated = jdbc.sql(
                        "update item_value set text_value = ?, sort_text = ?, sort_number = ? where item_id = ? and column_id = ?")
                .param(value)
                .param(sortText)
                .param(number)
                .param(id.value())
                .param(column.value())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into item_value (item_id, column_id, text_value, sort_text, sort_number) values (?, ?, ?, ?, ?)")
                    .param(id.value())
                    .param(column.value())
                    .param(value)
                    .param(sortText)
                    .param(number)
                    .update();
        }
    }

    private static String sortText(String value) {
        return AuthorColumns.shorten(value.toLowerCase(java.util.Locale.ROOT), 255);
    }

    void removeValue(ItemId id, ColumnId column) {
        jdbc.sql("delete from item_value where item_id = ? and column_id = ?")
                .params(id.value(), column.value())
                .update();
    }

    void delete(ItemId id) {
        jdbc.sql("delete from item where id = ?").param(id.value()).update();
    }

    /** Turns item rows into views, loading their values and counts in three queries. */
    List<ItemView> views(List<ItemRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.id().value()).toList();
        Map<Long, Map<ColumnId, String>> values = new HashMap<>();
        jdbc.sql("select item_id, column_id, text_value from item_value where item_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong("item_id"), k -> new LinkedHashMap<>())
                            .put(new ColumnId(rs.getObject("column_id", UUID.class)), rs.getString("text_value"));
                });
        Map<Long, Integer> updates = counts("item_update", ids);
        Map<Long, Integer> files = counts("item_file", ids);
        return rows.stream()
                .map(r -> r.view(
                        values.getOrDefault(r.id().value(), Map.of()),
                        updates.getOrDefault(r.id().value(), 0),
                        files.getOrDefault(r.id().value(), 0)))
                .toList();
    }

    private Map<Long, Integer> counts(String table, List<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select item_id, count(*) as n from " + table + " where item_id in (:ids) group by item_id")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getLong("item_id"), rs.getInt("n"));
                });
        return counts;
    }

    static ItemRow row(ResultSet rs, int n) throws SQLException {
        return new ItemRow(
                new ItemId(rs.getLong("id")),
                new BoardId(rs.getObject("board_id", UUID.class)),
                rs.getString("name"),
                rs.getLong("position"),
                AuthorColumns.read(rs, "created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("archived"),
                rs.getLong("version"));
    }

    /** An item row without its values. */
    record ItemRow(
            ItemId id,
            BoardId boardId,
            String name,
            long position,
            Author createdBy,
            Instant createdAt,
            boolean archived,
            long version) {

        ItemView view(Map<ColumnId, String> values, int updateCount, int fileCount) {
            return new ItemView(
                    id,
                    boardId,
                    name,
                    values,
                    position,
                    createdBy,
                    createdAt,
                    archived,
                    version,
                    updateCount,
                    fileCount);
        }
    }
}
