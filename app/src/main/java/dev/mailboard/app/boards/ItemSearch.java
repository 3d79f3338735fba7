package dev.mailboard.app.boards;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists a board's items a page at a time, filtered by search text and a column value, sorted by an
 * item field or a column value. Column values are rows of {@code item_value}, so filtering and sorting
 * use its indexed {@code sort_text} / {@code sort_number}.
 */
@Repository
class ItemSearch {

    private final JdbcClient jdbc;
    private final ItemRepository items;

    ItemSearch(JdbcClient jdbc, ItemRepository items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    ItemPage find(BoardId boardId, ItemQuery query, List<ColumnView> columns) {
        Map<String, Object> params = new HashMap<>();
        String where = where(boardId, query, columns, params);
        long total = jdbc.sql("select count(*) from item i" + where)
                .params(params)
                .query(Long.class)
                .single();
        @Nullable ColumnView sortColumn = column(query.sort(), columns);
        String join = "";
        String order;
        String direction = query.descending() ? " desc" : " asc";
        if (sortColumn != null) {
            join = " left join item_value s on s.item_id = i.id and s.column_id = :sortColumn";
            params.put("sortColumn", sortColumn.id().value());
            String key = sortColumn.type() == ColumnType.NUMBER ? "s.sort_number" : "s.sort_text";
            order = key + direction + " nulls last, i.id" + direction;
        } else {
            order = switch (query.sort()) {
                case "name" -> "lower(i.name)" + direction + ", i.id" + direction;
                case "created", "id" -> "i.id" + direction;
                case "position" -> "i.position" + direction + ", i.id" + direction;
                default ->
                    throw new InvalidValueException("Unknown sort '" + query.sort()
                            + "': use position, name, created, id or a column id of this board");
            };
        }
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<ItemRepository.ItemRow> rows = jdbc.sql("select " + ItemRepository.COLUMNS + " from item i" + join + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query(ItemRepository::row)
                .list();
        return new ItemPage(items.views(rows), total, query.page(), query.size());
    }

    private static String where(
            BoardId boardId, ItemQuery query, List<ColumnView> columns, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where i.board_id = :board and i.archived = :archived");
        params.put("board", boardId.value());
        params.put("archived", query.archived());
        String search = query.search();
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(i.name) like :search escape '!' or i.id in (select v.item_id from item_value v"
                    + " join board_column vc on vc.id = v.column_id"
                    + " where vc.board_id = :board and v.sort_text like :search escape '!'))");
            params.put("search", "%" + escapeLike(search.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        ColumnId filterColumn = query.filterColumn();
        String filterValue = query.filterValue();
        if (filterColumn != null && filterValue != null && !filterValue.isBlank()) {
            ColumnView column = columns.stream()
                    .filter(c -> c.id().equals(filterColumn))
                    .findFirst()
                    .orElseThrow(() -> new InvalidValueException("The filter column is not a column of this board"));
            String value = filterValue.strip().toLowerCase(Locale.ROOT);
            if (column.type() == ColumnType.TAGS) {
                where.append(" and i.id in (select f.item_id from item_value f where f.column_id = :fc"
                        + " and (', ' || f.sort_text || ',') like :fv escape '!')");
                params.put("fv", "%, " + escapeLike(value) + ",%");
            } else {
                where.append(" and i.id in (select f.item_id from item_value f where f.column_id = :fc"
                        + " and f.sort_text = :fv)");
                params.put("fv", value);
            }
            params.put("fc", filterColumn.value());
        }
        return where.toString();
    }

    private static @Nullable ColumnView column(String sort, List<ColumnView> columns) {
        return columns.stream()
                .filter(c -> c.id().value().toString().equals(sort))
                .findFirst()
                .orElse(null);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
