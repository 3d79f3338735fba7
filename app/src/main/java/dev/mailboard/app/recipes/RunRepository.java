package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ItemId;
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

/**
 * The {@code recipe_run} table, the run log. Its unique key on (recipe, message) is what makes every mail
 * produce one outcome per recipe, across retries, replays and instances (S-27).
 */
@Repository
class RunRepository {

    private static final String COLUMNS = "id, recipe_id, message_id, received_at, from_address, subject, outcome,"
            + " detail, item_id, ran_at, replays";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored run with the facts a replay needs. */
    record StoredRun(
            RunView view, String messageId, @Nullable MailFacts facts) {}

    /**
     * Claims (recipe, message) for this transaction: inserts its run row unless one exists. Another instance
     * claiming the same pair waits for this transaction and then finds the row.
     */
    boolean claim(RecipeId recipe, MailFacts mail, Instant now) {
        return jdbc.sql("insert into recipe_run (recipe_id, message_id, received_at, from_address, subject, outcome,"
                                + " detail, facts, ran_at) values (?, ?, ?, ?, ?, 'failed', 'processing', ?, ?)"
                                + " on conflict do nothing")
                        .params(
                                recipe.value(),
                                mail.messageId(),
                                Timestamp.from(mail.receivedAt()),
                                cut(mail.fromAddress(), 320),
                                cut(mail.subject(), 1000),
                                json.writeValueAsString(mail),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Records the outcome of a claimed or replayed run. */
    void finish(RecipeId recipe, String messageId, Result result, Instant now, boolean replay) {
        jdbc.sql("update recipe_run set outcome = ?, detail = ?, item_id = ?, ran_at = ?, replays = replays + ?"
                        + " where recipe_id = ? and message_id = ? and outcome in ('skipped', 'failed')")
                .params(Arrays.asList(
                        result.outcome().code(),
                        cut(result.detail(), 1000),
                        result.itemId() == null ? null : result.itemId().value(),
                        Timestamp.from(now),
                        replay ? 1 : 0,
                        recipe.value(),
                        messageId))
                .update();
    }

    /** Locks a run for a replay; answers it with its facts. */
    Optional<StoredRun> lock(RecipeId recipe, long runId) {
        return jdbc.sql("select " + COLUMNS + ", facts from recipe_run where recipe_id = ? and id = ? for update")
                .params(recipe.value(), runId)
                .query((rs, row) ->
                        new StoredRun(map(rs, row), rs.getString("message_id"), facts(rs.getString("facts"))))
                .optional();
    }

    /** Locks the run of a message. */
    Optional<StoredRun> lock(RecipeId recipe, String messageId) {
        return jdbc.sql("select " + COLUMNS
                        + ", facts from recipe_run where recipe_id = ? and message_id = ? for update")
                .params(recipe.value(), messageId)
                .query((rs, row) ->
                        new StoredRun(map(rs, row), rs.getString("message_id"), facts(rs.getString("facts"))))
                .optional();
    }

    /** Marks a run's attachments as copied; answers false when they already were. */
    boolean markAttachmentsCopied(RecipeId recipe, String messageId) {
        return jdbc.sql("update recipe_run set attachments_copied = true"
                                + " where recipe_id = ? and message_id = ? and not attachments_copied")
                        .params(recipe.value(), messageId)
                        .update()
                == 1;
    }

    Optional<RunView> find(RecipeId recipe, String messageId) {
        return jdbc.sql("select " + COLUMNS + " from recipe_run where recipe_id = ? and message_id = ?")
                .params(recipe.value(), messageId)
                .query(this::map)
                .optional();
    }

    /** The newest runs of a recipe, optionally of one outcome. */
    List<RunView> list(RecipeId recipe, @Nullable RunOutcome outcome, int limit) {
        String where = outcome == null ? "" : " and outcome = '" + outcome.code() + "'";
        return jdbc.sql("select " + COLUMNS + " from recipe_run where recipe_id = ?" + where
                        + " order by ran_at desc, id desc limit ?")
                .params(recipe.value(), limit)
                .query(this::map)
                .list();
    }

    /** Forgets the mail content of runs older than a time (S-62); the log lines stay. */
    int forgetFactsBefore(Instant cutoff) {
        return jdbc.sql("update recipe_run set facts = null where facts is not null and ran_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private @Nullable MailFacts facts(@Nullable String stored) {
        return stored == null ? null : json.readValue(stored, MailFacts.class);
    }

    private RunView map(ResultSet rs, int row) throws SQLException {
        RunOutcome outcome = RunOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT));
        long item = rs.getLong("item_id");
        ItemId itemId = rs.wasNull() ? null : new ItemId(item);
        return new RunView(
                rs.getLong("id"),
                new RecipeId(rs.getObject("recipe_id", UUID.class)),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("from_address"),
                rs.getString("subject"),
                outcome,
                summary(outcome, rs.getString("detail"), itemId),
                itemId,
                rs.getTimestamp("ran_at").toInstant(),
                rs.getInt("replays"),
                outcome.isReplayable());
    }

    private static String summary(RunOutcome outcome, String detail, @Nullable ItemId item) {
        return switch (outcome) {
            case CREATED -> "created item " + (item == null ? "" : item.tag());
            case UPDATED -> "added update to " + (item == null ? "" : item.tag());
            case SKIPPED -> "skipped: " + detail;
            case FAILED -> "failed: " + detail;
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
