package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ItemId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recipe_send} table: which (recipe, item change) fired a send, and what became of it. */
@Repository
class SendRepository {

    static final String QUEUED = "queued";
    static final String REFUSED = "refused";
    static final String SKIPPED = "skipped";

    private final JdbcClient jdbc;

    SendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the change for the recipe; false when it was claimed before (a replay or another instance). */
    boolean claim(
            RecipeId recipe, ItemId item, String changeKey, String outcome, @Nullable String detail, Instant now) {
        String cut = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        return jdbc.sql("insert into recipe_send (recipe_id, item_id, change_key, outcome, detail, created_at)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(java.util.Arrays.asList(
                                recipe.value(), item.value(), changeKey, outcome, cut, Timestamp.from(now)))
                        .update()
                > 0;
    }

    /** Records the send id of a claimed change. */
    void queued(RecipeId recipe, ItemId item, String changeKey, UUID sendId) {
        jdbc.sql(
                        "update recipe_send set send_id = ?, outcome = ? where recipe_id = ? and item_id = ? and change_key = ?")
                .params(sendId, QUEUED, recipe.value(), item.value(), changeKey)
                .update();
    }

    /** Sets the outcome of a claimed change. */
    void finish(RecipeId recipe, ItemId item, String changeKey, String outcome, String detail) {
        String cut = detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        jdbc.sql(
                        "update recipe_send set outcome = ?, detail = ? where recipe_id = ? and item_id = ? and change_key = ?")
                .params(outcome, cut, recipe.value(), item.value(), changeKey)
                .update();
    }

    /** The item whose change queued a send. */
    Optional<ItemId> itemOf(UUID sendId) {
        return jdbc.sql("select item_id from recipe_send where send_id = ?")
                .param(sendId)
                .query(Long.class)
                .optional()
                .map(ItemId::new);
    }

    /** How many changes of an item a recipe has seen, by outcome (for tests and pages). */
    int count(RecipeId recipe, ItemId item, String outcome) {
        return jdbc.sql("select count(*) from recipe_send where recipe_id = ? and item_id = ? and outcome = ?")
                .params(recipe.value(), item.value(), outcome)
                .query(Integer.class)
                .single();
    }
}
