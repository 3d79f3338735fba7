package dev.mailboard.app.ui;

import org.jspecify.annotations.Nullable;

/**
 * The "Try it" panel of the demo board.
 *
 * @param boardId the demo board
 * @param mailbox the signed-in user's connected mailbox, or null before they connect one
 * @param canCreateRecipe whether the user may edit the board (the recipes module checks the rest)
 */
public record DemoPanel(String boardId, @Nullable String mailbox, boolean canCreateRecipe) {

    /**
     * Whether the user has connected a mailbox.
     *
     * @return true once a connection is active
     */
    public boolean connected() {
        return mailbox != null;
    }
}
