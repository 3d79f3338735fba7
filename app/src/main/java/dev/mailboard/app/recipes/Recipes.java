package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.AuditEntry;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.mail.Mailboxes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipes: set up, change, pause, resume and delete them, read their run logs and replay runs. Reading takes
 * membership of the recipe's board; everything else takes the account permission "who may create
 * integrations" and the editor role on the board (S-45). A recipe acts for its owner, the user who last
 * saved it, and reads only a mailbox that user connected (S-48).
 */
@Service
public class Recipes {

    /** The most run-log lines one call returns. */
    public static final int MAX_RUNS = 500;

    private final RecipeAccess access;
    private final RecipeRepository recipes;
    private final RunRepository runs;
    private final RecipeRunner runner;
    private final Boards boards;
    private final Mailboxes mailboxes;
    private final Connections connections;
    private final AuditLog audit;
    private final Clock clock;

    Recipes(
            RecipeAccess access,
            RecipeRepository recipes,
            RunRepository runs,
            RecipeRunner runner,
            Boards boards,
            Mailboxes mailboxes,
            Connections connections,
            AuditLog audit,
            Clock clock) {
        this.access = access;
        this.recipes = recipes;
        this.runs = runs;
        this.runner = runner;
        this.boards = boards;
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a recipe owned by the user; an active one starts watching its mailbox at once.
     *
     * @param user the signed-in user
     * @param draft the recipe
     * @param active whether it runs from now on
     * @return the recipe
     * @throws InvalidRecipeException when the draft cannot work (400)
     * @throws RecipePermissionException without the permission, the editor role or the connection (403)
     * @throws RecipeNotFoundException or {@code BoardNotFoundException} for unknown ids (404)
     */
    @Transactional
    public RecipeView create(CurrentUser user, RecipeDraft draft, boolean active) {
        validate(user, draft);
        if (active) {
            requireSend(draft.connectionId(), draft.action());
        }
        Instant now = clock.instant();
        Recipe recipe = new Recipe(
                RecipeId.random(),
                user.accountId(),
                draft.boardId(),
                draft.connectionId(),
                user.userId(),
                draft.name().strip(),
                definition(draft),
                active,
                active ? null : Recipe.PausedBy.PERSON,
                null,
                now,
                now);
        recipes.insert(recipe);
        syncWatch(recipe.connectionId());
        audit.record(AuditEntry.success(user, "recipe.created", recipe.id().toString(), recipe.name()));
        return recipe.view();
    }

    /**
     * Changes a recipe; the user becomes its owner, so the connection must be theirs (S-48). Its board stays.
     *
     * @param user the signed-in user
     * @param id the recipe
     * @param draft the new settings
     * @return the recipe
     */
    @Transactional
    public RecipeView update(CurrentUser user, RecipeId id, RecipeDraft draft) {
        Recipe old = access.changeable(user, id);
        if (!old.boardId().equals(draft.boardId())) {
            throw new InvalidRecipeException(
                    List.of(new FieldProblem("boardId", "cannot change; create a new recipe")));
        }
        validate(user, draft);
        if (old.active()) {
            requireSend(draft.connectionId(), draft.action());
        }
        Recipe changed = new Recipe(
                old.id(),
                old.accountId(),
                old.boardId(),
                draft.connectionId(),
                user.userId(),
                draft.name().strip(),
                definition(draft),
                old.active(),
                old.pausedBy(),
                old.pauseReason(),
                old.createdAt(),
                clock.instant());
        recipes.update(changed);
        syncWatch(old.connectionId());
        syncWatch(changed.connectionId());
        audit.record(AuditEntry.success(user, "recipe.updated", id.toString(), changed.name()));
        return changed.view();
    }

    /**
     * Pauses or resumes a recipe.
     *
     * @param user the signed-in user
     * @param id the recipe
     * @param active true to resume, false to pause
     * @return the recipe
     */
    @Transactional
    public RecipeView switchTo(CurrentUser user, RecipeId id, boolean active) {
        Recipe old = access.changeable(user, id);
        if (active) {
            requireSend(old.connectionId(), old.definition().action());
        }
        Recipe changed = new Recipe(
                old.id(),
                old.accountId(),
                old.boardId(),
                old.connectionId(),
                old.ownerId(),
                old.name(),
                old.definition(),
                active,
                active ? null : Recipe.PausedBy.PERSON,
                active ? null : "Paused by " + user.displayName() + ".",
                old.createdAt(),
                clock.instant());
        recipes.update(changed);
        syncWatch(changed.connectionId());
        audit.record(AuditEntry.success(user, active ? "recipe.resumed" : "recipe.paused", id.toString(), old.name()));
        return changed.view();
    }

    /**
     * Deletes a recipe with its run log.
     *
     * @param user the signed-in user
     * @param id the recipe
     */
    @Transactional
    public void delete(CurrentUser user, RecipeId id) {
        Recipe recipe = access.changeable(user, id);
        recipes.delete(id);
        syncWatch(recipe.connectionId());
        audit.record(AuditEntry.success(user, "recipe.deleted", id.toString(), recipe.name()));
    }

    /**
     * One recipe.
     *
     * @param user the signed-in user, a member of its board
     * @param id the recipe
     * @return the recipe
     */
    @Transactional(readOnly = true)
    public RecipeView recipe(CurrentUser user, RecipeId id) {
        return access.readable(user, id).view();
    }

    /**
     * The recipes of a board.
     *
     * @param user the signed-in user, a member of the board
     * @param board the board
     * @return its recipes, oldest first
     */
    @Transactional(readOnly = true)
    public List<RecipeView> onBoard(CurrentUser user, BoardId board) {
        boards.board(Actor.of(user), board);
        return recipes.onBoard(board).stream().map(Recipe::view).toList();
    }

    /**
     * The recipes the user owns, on every board.
     *
     * @param user the signed-in user
     * @return their recipes
     */
    @Transactional(readOnly = true)
    public List<RecipeView> ownedBy(CurrentUser user) {
        return recipes.ofOwner(user.accountId(), user.userId()).stream()
                .map(Recipe::view)
                .toList();
    }

    /**
     * A recipe's run log, newest first.
     *
     * @param user the signed-in user, a member of its board
     * @param id the recipe
     * @param outcome only runs with this outcome, or null for all
     * @param limit how many at most (up to {@value #MAX_RUNS})
     * @return the runs
     */
    @Transactional(readOnly = true)
    public List<RunView> runs(CurrentUser user, RecipeId id, @Nullable RunOutcome outcome, int limit) {
        Recipe recipe = access.readable(user, id);
        return runs.list(recipe.id(), outcome, Math.max(1, Math.min(limit, MAX_RUNS)));
    }

    /**
     * Runs a recipe again on a skipped or failed run's mail. A run that created an item or an update stays as
     * it is: a replay never writes twice.
     *
     * @param user the signed-in user
     * @param id the recipe
     * @param runId the run
     * @return the run afterwards
     */
    public RunView replay(CurrentUser user, RecipeId id, long runId) {
        Recipe recipe = access.changeable(user, id);
        RunView run = runner.replay(recipe, runId);
        audit.record(AuditEntry.success(user, "recipe.replayed", id + "/" + runId, run.summary()));
        return run;
    }

    private void validate(CurrentUser user, RecipeDraft draft) {
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (draft.boardId() == null || draft.connectionId() == null) {
            problems.add(new FieldProblem(draft.boardId() == null ? "boardId" : "connectionId", "must be given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecipeException(problems);
        }
        access.requireCreator(user, draft.boardId());
        access.ownConnection(user, draft.connectionId());
        List<ColumnView> columns = boards.columns(Actor.of(user), draft.boardId());
        ItemMapping.validate(draft.action(), columns, problems);
        if (draft.action().kind() == RecipeAction.Kind.SEND_EMAIL) {
            SendActionTemplate.validate(draft.action().sendEmail(), columns, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecipeException(problems);
        }
    }

    private static Recipe.Definition definition(RecipeDraft draft) {
        return new Recipe.Definition(draft.condition(), draft.includeAutomated(), draft.action());
    }

    /**
     * A send-email recipe switched on needs {@code Mail.Send} on its connection: without it the answer is the
     * same refusal as the item email endpoint's, with the link to grant it.
     */
    private void requireSend(ConnectionId connectionId, RecipeAction action) {
        if (action.kind() != RecipeAction.Kind.SEND_EMAIL) {
            return;
        }
        ConnectionView connection = connections
                .find(connectionId)
                .orElseThrow(() -> new RecipeNotFoundException("connection " + connectionId));
        if (!connection.maySend()) {
            throw new MailSendRefusedException(
                    MailSendRefusedException.Reason.SEND_NOT_GRANTED,
                    "Grant sending first: Mailboard may read " + connection.mailboxAddress()
                            + " but was not allowed to send from it. Use \"Allow sending mail\" on the"
                            + " Integrations page, then switch the recipe on.",
                    List.of(),
                    connectionId.toString());
        }
    }

    /** Watches a mailbox while an active recipe reads it, and stops when none does. */
    private void syncWatch(ConnectionId connection) {
        if (recipes.onConnection(connection).stream()
                .anyMatch(r -> r.processesMail() && r.definition().action().readsMail())) {
            mailboxes.watch(connection, clock.instant());
        } else if (mailboxes.isWatched(connection)) {
            mailboxes.unwatch(connection);
        }
    }
}
