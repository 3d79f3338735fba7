package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardNotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a recipe on one mail: decides in a read-only transaction, then writes the item or update and the run-log
 * row in one transaction (S-27). The run row's unique key on (recipe, message) makes a second delivery of
 * the same mail, on any instance, find the first outcome and write nothing.
 */
@Component
class RecipeRunner {

    private static final Logger log = LoggerFactory.getLogger(RecipeRunner.class);

    private final Planner planner;
    private final PlanExecution execution;
    private final RunRepository runs;
    private final RecipeRepository recipes;
    private final TransactionTemplate write;
    private final TransactionTemplate reading;
    private final Clock clock;

    RecipeRunner(
            Planner planner,
            PlanExecution execution,
            RunRepository runs,
            RecipeRepository recipes,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.planner = planner;
        this.execution = execution;
        this.runs = runs;
        this.recipes = recipes;
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Runs recipes on a newly received mail, each unless (recipe, mail) already has an outcome. The recipes are
     * looked up in the read-only transaction that plans the first of them, which saves the lookup a
     * transaction of its own; each further recipe is planned after the one before it wrote, so that it finds
     * the item that one made for the mail's thread.
     */
    void run(Supplier<List<Recipe>> recipesOfMail, MailFacts mail) {
        List<Recipe> recipes = new ArrayList<>();
        Optional<Plan> planned = reading.execute(status -> {
            recipes.addAll(recipesOfMail.get());
            return recipes.isEmpty() ? Optional.<Plan>empty() : planUnlessRun(status, recipes.get(0), mail);
        });
        for (int i = 0; i < recipes.size(); i++) {
            Recipe recipe = recipes.get(i);
            if (i > 0) {
                planned = reading.execute(status -> planUnlessRun(status, recipe, mail));
            }
            if (planned != null && planned.isPresent()) {
                write(recipe, mail, planned.get());
            }
        }
    }

    private Optional<Plan> planUnlessRun(TransactionStatus status, Recipe recipe, MailFacts mail) {
        return runs.find(recipe.id(), mail.messageId()).isPresent()
                ? Optional.empty()
                : Optional.of(decide(status, recipe, mail));
    }

    private void write(Recipe recipe, MailFacts mail, Plan plan) {
        try {
            write.executeWithoutResult(status -> {
                if (runs.claim(recipe.id(), mail, clock.instant())) {
                    finish(recipe, mail, plan, false);
                }
            });
        } catch (BoardAccessDeniedException | BoardNotFoundException e) {
            lostAccess(recipe, mail, e, false);
        } catch (RuntimeException e) {
            failed(recipe, mail, e, false);
        }
    }

    /** Runs a recipe again on the stored facts of a skipped or failed run; answers the run's new state. */
    RunView replay(Recipe recipe, long runId) {
        RunRepository.StoredRun stored =
                runs.lock(recipe.id(), runId).orElseThrow(() -> new RecipeNotFoundException("run " + runId));
        MailFacts mail = stored.facts();
        if (!stored.view().replayable() || mail == null) {
            return stored.view();
        }
        Plan plan = plan(recipe, mail);
        try {
            write.executeWithoutResult(status -> {
                RunRepository.StoredRun locked = runs.lock(recipe.id(), runId).orElseThrow();
                if (locked.view().replayable()) {
                    finish(recipe, mail, plan, true);
                }
            });
        } catch (BoardAccessDeniedException | BoardNotFoundException e) {
            lostAccess(recipe, mail, e, true);
        } catch (RuntimeException e) {
            failed(recipe, mail, e, true);
        }
        return runs.find(recipe.id(), mail.messageId()).orElseThrow();
    }

    private Plan plan(Recipe recipe, MailFacts mail) {
        Plan plan = reading.execute(status -> decide(status, recipe, mail));
        if (plan == null) {
            throw new IllegalStateException("no plan");
        }
        return plan;
    }

    /**
     * Plans in one read-only transaction, which is then rolled back: the reads share one connection, and a
     * lost access that a read reports (and the planner turns into a plan) cannot fail a commit.
     */
    private Plan decide(TransactionStatus status, Recipe recipe, MailFacts mail) {
        Plan plan = planner.plan(recipe, mail);
        status.setRollbackOnly();
        return plan;
    }

    private void finish(Recipe recipe, MailFacts mail, Plan plan, boolean replay) {
        Result result = execution.execute(recipe, mail, plan);
        runs.finish(recipe.id(), mail.messageId(), result, clock.instant(), replay);
    }

    private void lostAccess(Recipe recipe, MailFacts mail, RuntimeException e, boolean replay) {
        String reason = "owner lost access (" + e.getMessage() + ")";
        write.executeWithoutResult(status -> {
            recipes.pause(recipe.id(), Recipe.PausedBy.OWNER, "Paused: " + reason, clock.instant());
            record(recipe, mail, Result.skipped(reason), replay);
        });
    }

    private void failed(Recipe recipe, MailFacts mail, RuntimeException e, boolean replay) {
        log.warn(
                "Recipe {} failed on message {}: {}",
                recipe.id(),
                mail.messageId(),
                e.getClass().getSimpleName());
        String message = e.getMessage();
        write.executeWithoutResult(status -> record(
                recipe, mail, Result.failed(message == null ? e.getClass().getSimpleName() : message), replay));
    }

    private void record(Recipe recipe, MailFacts mail, Result result, boolean replay) {
        runs.claim(recipe.id(), mail, clock.instant());
        runs.finish(recipe.id(), mail.messageId(), result, clock.instant(), replay);
    }

    /** The actor a recipe writes as: an integration acting for its owner ("via email from ..."). */
    static Actor actor(Recipe recipe, MailFacts mail) {
        String source = mail.fromAddress().isBlank() ? "unknown sender" : mail.fromAddress();
        return Actor.integration(
                recipe.ownerId(), recipe.name(), source.length() > 320 ? source.substring(0, 320) : source);
    }
}
