package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.FirstStartCompleted;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.StatusLabel;
import dev.mailboard.app.connections.ConnectionStatus;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeDraft;
import dev.mailboard.app.recipes.RecipePermissionException;
import dev.mailboard.app.recipes.RecipeView;
import dev.mailboard.app.recipes.Recipes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first-run demo: with the embedded sandbox as the mail provider, the first start gives the Demo account's
 * admin a "Demo board" (Status, From, Received). While that board has no recipe, its page shows how to try
 * Mailboard end to end, and offers to create the sample recipe once the user has connected a mailbox. With a
 * real provider configured there is no demo board.
 */
@Component
class DemoBoard {

    static final String NAME = "Demo board";
    static final String SAMPLE_RECIPE = "Every Inbox email becomes an item";
    static final String DESCRIPTION = "A sample board: an email delivered in the sandbox becomes an item here.";

    private static final Logger log = LoggerFactory.getLogger(DemoBoard.class);

    private final Boards boards;
    private final Recipes recipes;
    private final Connections connections;
    private final Environment environment;

    DemoBoard(Boards boards, Recipes recipes, Connections connections, Environment environment) {
        this.boards = boards;
        this.recipes = recipes;
        this.connections = connections;
        this.environment = environment;
    }

    /** Creates the demo board in the first start's transaction, so that it exists once or not at all. */
    @EventListener
    void firstStart(FirstStartCompleted event) {
        if (!sandboxIsTheProvider()) {
            return;
        }
        Actor admin = Actor.user(event.admin());
        BoardView board = boards.createBoard(admin, new NewBoard(NAME, DESCRIPTION));
        boards.addColumn(
                admin,
                board.id(),
                new NewColumn(
                        "Status",
                        ColumnType.STATUS,
                        List.of(
                                new StatusLabel("New", "blue", true),
                                new StatusLabel("Working", "orange", false),
                                new StatusLabel("Done", "green", false))));
        boards.addColumn(admin, board.id(), new NewColumn("From", ColumnType.EMAIL, List.of()));
        boards.addColumn(admin, board.id(), new NewColumn("Received", ColumnType.DATE, List.of()));
        log.info("First start: created the '{}' in the Demo account; open it to try a test email", NAME);
    }

    /**
     * What the board page shows to get the demo going, if anything.
     *
     * @param user the signed-in user
     * @param board the board shown
     * @return the panel, or null when this is not the demo board or it already has a recipe
     */
    @Nullable
    DemoPanel panel(CurrentUser user, BoardView board) {
        if (!NAME.equals(board.name()) || !DESCRIPTION.equals(board.description()) || !sandboxIsTheProvider()) {
            return null;
        }
        if (!recipes.onBoard(user, board.id()).isEmpty()) {
            return null;
        }
        String mailbox = connection(user).map(ConnectionView::mailboxAddress).orElse(null);
        return new DemoPanel(board.id().toString(), mailbox, board.canEdit());
    }

    /**
     * Creates and switches on the sample recipe: every Inbox email of the user's mailbox becomes an item, the
     * sender in From and the date in Received.
     *
     * @param user the signed-in user, who must have connected a mailbox
     * @param boardId the demo board
     * @return the recipe
     * @throws RecipePermissionException when the user has no connected mailbox or may not create recipes
     */
    RecipeView createSampleRecipe(CurrentUser user, BoardId boardId) {
        BoardView board = boards.board(Actor.of(user), boardId);
        if (panel(user, board) == null) {
            throw new RecipePermissionException(
                    "The sample recipe is only offered on the demo board while it has" + " no recipe");
        }
        ConnectionView connection = connection(user)
                .orElseThrow(() -> new RecipePermissionException(
                        "Connect a mailbox on the Integrations page first; the sample recipe reads its Inbox"));
        List<ColumnView> columns = boards.columns(Actor.of(user), boardId);
        RecipeAction action = new RecipeAction(
                RecipeAction.Kind.CREATE_ITEM,
                column(columns, "From", ColumnType.EMAIL),
                column(columns, "Received", ColumnType.DATE),
                true,
                true,
                Map.of(),
                RecipeAction.NoMatch.CREATE_ITEM);
        RecipeDraft draft =
                new RecipeDraft(SAMPLE_RECIPE, boardId, connection.id(), new Condition.AllOf(List.of()), false, action);
        return recipes.create(user, draft, true);
    }

    /** Whether the embedded sandbox is the mail provider: it is on and no other provider is configured. */
    boolean sandboxIsTheProvider() {
        return environment.getProperty("mailboard.sandbox.enabled", Boolean.class, false)
                && blank("mailboard.connections.microsoft.client-id")
                && blank("mailboard.connections.provider.authorization-uri");
    }

    private boolean blank(String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank();
    }

    private Optional<ConnectionView> connection(CurrentUser user) {
        return connections.listFor(user).stream()
                .filter(c -> c.status() == ConnectionStatus.ACTIVE)
                .findFirst();
    }

    private static @Nullable UUID column(List<ColumnView> columns, String name, ColumnType type) {
        return columns.stream()
                .filter(c -> c.type() == type && c.name().equalsIgnoreCase(name))
                .map(c -> c.id().value())
                .findFirst()
                .orElse(null);
    }
}
