package dev.mailboard.app.boards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the columns of boards and the labels of status columns. */
@Repository
class ColumnRepository {

    private final JdbcClient jdbc;

    ColumnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ColumnView insert(BoardId boardId, NewColumn column) {
        ColumnId id = new ColumnId(UUID.randomUUID());
        int position = jdbc.sql("select coalesce(max(position) + 1, 0) from board_column where board_id = ?")
                .param(boardId.value())
                .query(Integer.class)
                .single();
        jdbc.sql("insert into board_column (id, board_id, name, type, position) values (?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        boardId.value(),
                        column.name(),
                        column.type().code(),
                        position)
                .update();
        for (int i = 0; i < column.labels().size(); i++) {
            StatusLabel label = column.labels().get(i);
            jdbc.sql("insert into status_label (column_id, position, name, colour, is_default) values (?, ?, ?, ?, ?)")
                    .params(id.value(), i, label.name(), label.colour(), label.isDefault())
                    .update();
        }
        return new ColumnView(id, boardId, column.name(), column.type(), position, column.labels());
    }

    List<ColumnView> findByBoard(BoardId boardId) {
        List<ColumnView> columns = jdbc.sql(
                        "select id, board_id, name, type, position from board_column where board_id = ? order by position")
                .param(boardId.value())
                .query(ColumnRepository::column)
                .list();
        if (columns.stream().noneMatch(c -> c.type() == ColumnType.STATUS)) {
            return columns;
        }
        Map<ColumnId, List<StatusLabel>> labels = new LinkedHashMap<>();
        jdbc.sql(
                        "select l.column_id, l.name, l.colour, l.is_default from status_label l"
                                + " join board_column c on c.id = l.column_id where c.board_id = ? order by l.column_id, l.position")
                .param(boardId.value())
                .query(rs -> {
                    labels.computeIfAbsent(new ColumnId(rs.getObject("column_id", UUID.class)), k -> new ArrayList<>())
                            .add(new StatusLabel(
                                    rs.getString("name"), rs.getString("colour"), rs.getBoolean("is_default")));
                });
        return columns.stream()
                .map(c -> new ColumnView(
                        c.id(), c.boardId(), c.name(), c.type(), c.position(), labels.getOrDefault(c.id(), List.of())))
                .toList();
    }

    Optional<BoardId> boardOf(ColumnId columnId) {
        return jdbc.sql("select board_id from board_column where id = ?")
                .param(columnId.value())
                .query((rs, n) -> new BoardId(rs.getObject("board_id", UUID.class)))
                .optional();
    }

    private static ColumnView column(ResultSet rs, int row) throws SQLException {
        return new ColumnView(
                new ColumnId(rs.getObject("id", UUID.class)),
                new BoardId(rs.getObject("board_id", UUID.class)),
                rs.getString("name"),
                ColumnType.fromCode(rs.getString("type")),
                rs.getInt("position"),
                List.of());
    }
}
