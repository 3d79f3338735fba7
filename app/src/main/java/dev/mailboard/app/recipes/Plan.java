package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.NewItem;
import org.jspecify.annotations.Nullable;

/** What a recipe is going to do with one mail, decided before anything is written. */
sealed interface Plan {

    /** In words, for a preview. */
    String describe();

    /** Do nothing, for a reason. */
    record Skip(String reason) implements Plan {
        @Override
        public String describe() {
            return "skip: " + reason;
        }
    }

    /** The owner lost access: pause the recipe and write nothing (S-47). */
    record PauseForOwner(String reason) implements Plan {
        @Override
        public String describe() {
            return "pause the recipe: " + reason;
        }
    }

    /** Add the mail as an update to the item of its thread. */
    record AddUpdate(ItemId item, String html) implements Plan {
        @Override
        public String describe() {
            return "add an update to item " + item.tag();
        }
    }

    /** Create an item, with the mail's new text as its first update when there is one. */
    record CreateItem(NewItem item, @Nullable String firstUpdate, boolean copyAttachments) implements Plan {
        @Override
        public String describe() {
            return "create item \"" + item.name() + "\""
                    + (item.values().isEmpty() ? "" : " with " + item.values().size() + " column value(s)")
                    + (firstUpdate == null ? "" : " and the mail's text as its first update");
        }
    }
}
