package dev.mailboard.app.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches every text column of every table of the current schema for given values. */
final class TextColumns {

    private TextColumns() {}

    static List<String> containing(JdbcClient jdbc, List<String> values) {
        List<Map<String, Object>> columns = jdbc.sql("select table_name, column_name from information_schema.columns"
                        + " where table_schema = current_schema and lower(data_type) in ('character varying',"
                        + " 'text', 'character large object', 'clob', 'character', 'json', 'jsonb', 'varchar')")
                .query()
                .listOfRows();
        List<String> hits = new ArrayList<>();
        assertSomeColumns(columns);
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("table_name"));
            String name = String.valueOf(column.get("column_name"));
            for (String value : values) {
                Integer count = jdbc.sql(
                                "select count(*) from \"" + table + "\" where cast(\"" + name + "\" as varchar) like ?")
                        .param("%" + value + "%")
                        .query(Integer.class)
                        .single();
                if (count > 0) {
                    hits.add(table + "." + name + " holds " + value);
                }
            }
        }
        return hits;
    }

    private static void assertSomeColumns(List<Map<String, Object>> columns) {
        if (columns.stream().noneMatch(c -> "connection".equals(c.get("table_name")))) {
            throw new IllegalStateException("The column search found no text column of table connection: " + columns);
        }
    }
}
