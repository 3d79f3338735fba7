package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ItemId;
import org.jspecify.annotations.Nullable;

/** What running a recipe on one mail came to. */
record Result(RunOutcome outcome, String detail, @Nullable ItemId itemId) {

    static Result created(ItemId item) {
        return new Result(RunOutcome.CREATED, "", item);
    }

    static Result updated(ItemId item) {
        return new Result(RunOutcome.UPDATED, "", item);
    }

    static Result skipped(String why) {
        return new Result(RunOutcome.SKIPPED, why, null);
    }

    static Result failed(String why) {
        return new Result(RunOutcome.FAILED, why, null);
    }
}
