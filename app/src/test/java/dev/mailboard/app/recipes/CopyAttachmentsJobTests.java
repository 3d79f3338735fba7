package dev.mailboard.app.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.jobs.spi.JobAttempt;
import dev.mailboard.app.jobs.spi.JobOutcome;
import dev.mailboard.app.mail.MailAttachmentFiles;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/** The attachment copy: inline and tiny images stay out, files over the limits are named, and only once. */
class CopyAttachmentsJobTests {

    private final RecipeRepository recipes = mock(RecipeRepository.class);
    private final RunRepository runs = mock(RunRepository.class);
    private final OwnerCheck owners = mock(OwnerCheck.class);
    private final MailAttachmentFiles attachments = mock(MailAttachmentFiles.class);
    private final Boards boards = mock(Boards.class);
    private final CopyAttachmentsJob job = new CopyAttachmentsJob(
            recipes,
            runs,
            owners,
            attachments,
            boards,
            new RecipesProperties(DataSize.ofKilobytes(10), Duration.ofDays(30), java.util.List.of()),
            mock(PlatformTransactionManager.class));

    private final Recipe recipe = RecipeUnitFixtures.recipe(Condition.always(), RecipeAction.createItem());
    private final MailFacts mail = MailFactsFixtures.mail("buyer@shop.example", "Order", "see attached");
    private final CopyAttachments command = new CopyAttachments(recipe.id().value(), mail.messageId(), 42);

    @Test
    void copiesFilesWithinTheLimitsOnceAndNamesTheRest() {
        when(recipes.find(recipe.id())).thenReturn(Optional.of(recipe));
        RunView run = new RunView(
                1, recipe.id(), Instant.now(), "", "", RunOutcome.CREATED, "", new ItemId(42), Instant.now(), 0, false);
        when(runs.lock(recipe.id(), mail.messageId()))
                .thenReturn(Optional.of(new RunRepository.StoredRun(run, mail.messageId(), mail)));
        when(runs.markAttachmentsCopied(recipe.id(), mail.messageId())).thenReturn(true, false);
        when(attachments.files(recipe.connectionId(), mail.messageId()))
                .thenReturn(List.of(
                        file("logo.png", "image/png", 30_000, true, true),
                        file("pixel.gif", "image/gif", 43, false, true),
                        file("order.pdf", "application/pdf", 90_000, false, true),
                        file("photo.jpg", "image/jpeg", 50_000, false, true),
                        file("huge.zip", "application/zip", 200_000_000, false, false)));

        assertThat(job.handle(command, new JobAttempt(1, 5, "k"))).isEqualTo(JobOutcome.done());
        assertThat(job.handle(command, new JobAttempt(1, 5, "k"))).isEqualTo(JobOutcome.done());

        ArgumentCaptor<String> names = ArgumentCaptor.forClass(String.class);
        verify(boards, times(2))
                .attachFile(any(), eq(new ItemId(42)), isNull(), names.capture(), anyString(), any(InputStream.class));
        assertThat(names.getAllValues()).containsExactly("order.pdf", "photo.jpg");
        verify(boards, times(1)).postUpdate(any(), eq(new ItemId(42)), contains("huge.zip"));
    }

    @Test
    void doesNothingWhenTheOwnerLostAccess() {
        when(recipes.find(recipe.id())).thenReturn(Optional.of(recipe));
        RunView run = new RunView(
                1, recipe.id(), Instant.now(), "", "", RunOutcome.CREATED, "", new ItemId(42), Instant.now(), 0, false);
        when(runs.lock(recipe.id(), mail.messageId()))
                .thenReturn(Optional.of(new RunRepository.StoredRun(run, mail.messageId(), mail)));
        when(owners.problem(recipe)).thenReturn("the owner lost edit access to the board");

        assertThat(job.handle(command, new JobAttempt(1, 5, "k"))).isEqualTo(JobOutcome.done());
        verify(attachments, never()).files(any(), anyString());
        verify(boards, never()).attachFile(any(), any(), any(), anyString(), anyString(), any());
    }

    private static MailAttachmentFiles.File file(
            String name, String type, long size, boolean inline, boolean withContent) {
        return new MailAttachmentFiles.File(name, type, size, inline, withContent ? new byte[8] : null);
    }
}
