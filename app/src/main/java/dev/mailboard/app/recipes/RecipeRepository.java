package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.connections.ConnectionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code recipe} table. */
@Repository
class RecipeRepository {

    private static final String COLUMNS = "id, account_id, board_id, connection_id, owner_id, name, definition,"
            + " active, paused_by, pause_reason, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecipeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Recipe recipe) {
        jdbc.sql("insert into recipe (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Arrays.asList(
                        recipe.id().value(),
                        recipe.accountId().value(),
                        recipe.boardId().value(),
                        recipe.connectionId().value(),
                        recipe.ownerId().value(),
                        recipe.name(),
                        json.writeValueAsString(recipe.definition()),
                        recipe.active(),
                        code(recipe.pausedBy()),
                        recipe.pauseReason(),
                        Timestamp.from(recipe.createdAt()),
                        Timestamp.from(recipe.updatedAt())))
                .update();
    }

    void update(Recipe recipe) {
        jdbc.sql("update recipe set connection_id = ?, name = ?, definition = ?, active = ?, paused_by = ?,"
                        + " pause_reason = ?, updated_at = ? where id = ?")
                .params(Arrays.asList(
                        recipe.connectionId().value(),
                        recipe.name(),
                        json.writeValueAsString(recipe.definition()),
                        recipe.active(),
                        code(recipe.pausedBy()),
                        recipe.pauseReason(),
                        Timestamp.from(recipe.updatedAt()),
                        recipe.id().value()))
                .update();
    }

    /** Pauses an active recipe (or one paused by its connection); answers whether it changed. */
    boolean pause(RecipeId id, Recipe.PausedBy by, String reason, Instant now) {
        return jdbc.sql("update recipe set active = false, paused_by = ?, pause_reason = ?, updated_at = ?"
                                + " where id = ? and (active or paused_by = 'connection')")
                        .params(Arrays.asList(code(by), reason, Timestamp.from(now), id.value()))
                        .update()
                == 1;
    }

    /** Pauses the connection's active recipes; answers them. */
    List<Recipe> pauseOnConnection(ConnectionId connection, Recipe.PausedBy by, String reason, Instant now) {
        List<Recipe> affected =
                onConnection(connection).stream().filter(Recipe::processesMail).toList();
        affected.forEach(r -> pause(r.id(), by, reason, now));
        return affected;
    }

    /** Resumes the connection's recipes its connection paused; answers how many. */
    int resumeOnConnection(ConnectionId connection, Instant now) {
        return jdbc.sql("update recipe set active = true, paused_by = null, pause_reason = null, updated_at = ?"
                        + " where connection_id = ? and paused_by = 'connection'")
                .params(Timestamp.from(now), connection.value())
                .update();
    }

    void delete(RecipeId id) {
        jdbc.sql("delete from recipe where id = ?").param(id.value()).update();
    }

    Optional<Recipe> find(RecipeId id) {
        return jdbc.sql("select " + COLUMNS + " from recipe where id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    Optional<Recipe> find(AccountId account, RecipeId id) {
        return find(id).filter(r -> r.accountId().equals(account));
    }

    List<Recipe> onBoard(BoardId board) {
        return jdbc.sql("select " + COLUMNS + " from recipe where board_id = ? order by created_at, id")
                .param(board.value())
                .query(this::map)
                .list();
    }

    List<Recipe> onConnection(ConnectionId connection) {
        return jdbc.sql("select " + COLUMNS + " from recipe where connection_id = ? order by created_at, id")
                .param(connection.value())
                .query(this::map)
                .list();
    }

    List<Recipe> ofOwner(AccountId account, UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from recipe where account_id = ? and owner_id = ?"
                        + " order by created_at, id")
                .params(account.value(), owner.value())
                .query(this::map)
                .list();
    }

    boolean anyActiveOn(ConnectionId connection) {
        return jdbc.sql("select count(*) from recipe where connection_id = ? and (active or paused_by = 'connection')")
                        .param(connection.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Recipe map(ResultSet rs, int row) throws SQLException {
        String pausedBy = rs.getString("paused_by");
        return new Recipe(
                new RecipeId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new BoardId(rs.getObject("board_id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("name"),
                json.readValue(rs.getString("definition"), Recipe.Definition.class),
                rs.getBoolean("active"),
                pausedBy == null ? null : Recipe.PausedBy.valueOf(pausedBy.toUpperCase(Locale.ROOT)),
                rs.getString("pause_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable String code(Recipe.@Nullable PausedBy by) {
        return by == null ? null : by.name().toLowerCase(Locale.ROOT);
    }
}
