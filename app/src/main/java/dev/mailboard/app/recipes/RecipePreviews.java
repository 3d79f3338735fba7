package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.mail.Mailboxes;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Dry runs: what a recipe, saved or not, would do with the newest mail of its mailbox. The mail is read from
 * Graph for the answer and nothing of it is stored (S-62); nothing is written to the board.
 */
@Service
public class RecipePreviews {

    /** How many recent mails a preview looks at unless told otherwise. */
    public static final int DEFAULT_COUNT = 20;

    /** The most recent mails a preview may look at. */
    public static final int MAX_COUNT = 100;

    private final RecipeAccess access;
    private final Planner planner;
    private final Mailboxes mailboxes;
    private final Clock clock;

    RecipePreviews(RecipeAccess access, Planner planner, Mailboxes mailboxes, Clock clock) {
        this.access = access;
        this.planner = planner;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    /**
     * Runs a recipe's conditions and action over the newest mail of its connection without acting.
     *
     * @param user the signed-in user; needs what creating the recipe needs
     * @param draft the recipe as it is in the form
     * @param count how many recent mails, 1 to {@value #MAX_COUNT}
     * @return one line per mail, newest first
     * @throws InvalidRecipeException when the draft cannot work
     */
    public List<PreviewLine> preview(CurrentUser user, RecipeDraft draft, int count) {
        List<FieldProblem> problems = new java.util.ArrayList<>(draft.problems());
        if (draft.action() != null && !draft.action().readsMail()) {
            problems.add(new FieldProblem(
                    "action.kind", "a send_email recipe reads no mail, so there is nothing to preview"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecipeException(problems);
        }
        access.requireCreator(user, draft.boardId());
        access.ownConnection(user, draft.connectionId());
        Recipe recipe = new Recipe(
                RecipeId.random(),
                user.accountId(),
                draft.boardId(),
                draft.connectionId(),
                user.userId(),
                draft.name().strip(),
                new Recipe.Definition(draft.condition(), draft.includeAutomated(), draft.action()),
                true,
                null,
                null,
                clock.instant(),
                clock.instant());
        List<MailReceived> recent = mailboxes.newestMail(draft.connectionId(), Math.max(1, Math.min(count, MAX_COUNT)));
        return recent.stream().map(mail -> line(recipe, MailFacts.of(mail))).toList();
    }

    private PreviewLine line(Recipe recipe, MailFacts mail) {
        Plan plan = planner.plan(recipe, mail);
        boolean matches = plan instanceof Plan.CreateItem || plan instanceof Plan.AddUpdate;
        return new PreviewLine(mail.receivedAt(), mail.fromAddress(), mail.subject(), matches, plan.describe());
    }
}
