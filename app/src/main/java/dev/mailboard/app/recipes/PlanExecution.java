package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.jobs.Jobs;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Carries out a plan inside the run's transaction: the board write, the thread index, the attachment job. */
@Component
class PlanExecution {

    private final Boards boards;
    private final ThreadIndex threads;
    private final RecipeRepository recipes;
    private final Jobs jobs;
    private final Clock clock;

    PlanExecution(Boards boards, ThreadIndex threads, RecipeRepository recipes, Jobs jobs, Clock clock) {
        this.boards = boards;
        this.threads = threads;
        this.recipes = recipes;
        this.jobs = jobs;
        this.clock = clock;
    }

    Result execute(Recipe recipe, MailFacts mail, Plan plan) {
        Actor actor = RecipeRunner.actor(recipe, mail);
        if (plan instanceof Plan.Skip skip) {
            return Result.skipped(skip.reason());
        }
        if (plan instanceof Plan.PauseForOwner pause) {
            recipes.pause(recipe.id(), Recipe.PausedBy.OWNER, "Paused: " + pause.reason(), clock.instant());
            return Result.skipped("owner lost access: " + pause.reason());
        }
        if (plan instanceof Plan.AddUpdate update) {
            boards.postUpdate(actor, update.item(), update.html());
            threads.remember(
                    recipe.boardId(), update.item(), mail.internetMessageId(), mail.conversationId(), clock.instant());
            return Result.updated(update.item());
        }
        Plan.CreateItem create = (Plan.CreateItem) plan;
        ItemView item = boards.createItem(actor, create.item());
        if (create.firstUpdate() != null) {
            boards.postUpdate(actor, item.id(), create.firstUpdate());
        }
        threads.remember(recipe.boardId(), item.id(), mail.internetMessageId(), mail.conversationId(), clock.instant());
        if (create.copyAttachments()) {
            jobs.enqueue(JobRequest.now(
                    new CopyAttachments(
                            recipe.id().value(), mail.messageId(), item.id().value()),
                    "recipe-attachments:" + recipe.id() + ":" + mail.messageId()));
        }
        return Result.created(item.id());
    }
}
