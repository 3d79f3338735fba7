package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.connections.ConnectionUnavailableException;
import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobHandler;
import dev.mailboard.app.jobs.spi.JobOutcome;
import dev.mailboard.app.mail.MailAttachmentFiles;
import dev.mailboard.app.mail.MailboxUnavailableException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Copies a mail's attachments to its item: reads them from Graph (within the limits) without a transaction,
 * then attaches the files and marks the run in one transaction, so that a second run of the job adds none.
 * Inline images are part of the body rather than files, and tiny images (signature logos) are dropped;
 * attachments over the limits are named in an update instead of being copied.
 */
@Component
class CopyAttachmentsJob implements JobHandler<CopyAttachments> {

    private static final Logger log = LoggerFactory.getLogger(CopyAttachmentsJob.class);

    private final RecipeRepository recipes;
    private final RunRepository runs;
    private final OwnerCheck owners;
    private final MailAttachmentFiles attachments;
    private final Boards boards;
    private final RecipesProperties properties;
    private final TransactionTemplate transaction;

    CopyAttachmentsJob(
            RecipeRepository recipes,
            RunRepository runs,
            OwnerCheck owners,
            MailAttachmentFiles attachments,
            Boards boards,
            RecipesProperties properties,
            PlatformTransactionManager transactions) {
        this.recipes = recipes;
        this.runs = runs;
        this.owners = owners;
        this.attachments = attachments;
        this.boards = boards;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Class<CopyAttachments> commandType() {
        return CopyAttachments.class;
    }

    @Override
    public JobOutcome handle(CopyAttachments command, JobAttempt attempt) {
        RecipeId id = new RecipeId(command.recipeId());
        Optional<Recipe> recipe = recipes.find(id);
        Optional<RunRepository.StoredRun> run = recipe.flatMap(r -> runs.lock(id, command.messageId()));
        if (recipe.isEmpty() || run.isEmpty() || run.get().facts() == null || owners.problem(recipe.get()) != null) {
            return JobOutcome.done();
        }
        List<MailAttachmentFiles.File> files;
        try {
            files = attachments.files(recipe.get().connectionId(), command.messageId());
        } catch (MailboxUnavailableException | ConnectionUnavailableException e) {
            log.warn("Attachments of message {} could not be read for now: {}", command.messageId(), e.getMessage());
            return JobOutcome.retryAfter(Duration.ofMinutes(1), "attachments could not be read: " + e.getMessage());
        }
        MailFacts mail = run.get().facts();
        transaction.executeWithoutResult(status -> {
            if (runs.markAttachmentsCopied(id, command.messageId())) {
                attach(recipe.get(), mail, new ItemId(command.itemId()), files);
            }
        });
        return JobOutcome.done();
    }

    private void attach(Recipe recipe, MailFacts mail, ItemId item, List<MailAttachmentFiles.File> files) {
        List<String> notCopied = new ArrayList<>();
        for (MailAttachmentFiles.File file : files) {
            if (file.inline() && file.contentType().startsWith("image/")) {
                continue;
            }
            if (file.contentType().startsWith("image/")
                    && file.size() < properties.tinyImageSize().toBytes()) {
                continue;
            }
            byte[] content = file.content();
            if (content == null) {
                notCopied.add(file.name());
                continue;
            }
            boards.attachFile(
                    RecipeRunner.actor(recipe, mail),
                    item,
                    null,
                    file.name(),
                    file.contentType(),
                    new ByteArrayInputStream(content));
        }
        if (!notCopied.isEmpty()) {
            boards.postUpdate(
                    RecipeRunner.actor(recipe, mail),
                    item,
                    "<p>"
                            + HtmlUtils.htmlEscape("Not copied (over the attachment limits; open the mail in Outlook): "
                                    + String.join(", ", notCopied))
                            + "</p>");
        }
    }
}
