package dev.mailboard.app.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.mail.MailAddress;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.mail.Mailboxes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A dry run says what each recent mail would become, and writes nothing. */
class RecipePreviewTests {

    private final Boards boards = mock(Boards.class);
    private final Mailboxes mailboxes = mock(Mailboxes.class);
    private final ThreadIndex threads = mock(ThreadIndex.class);
    private final RunRepository runs = mock(RunRepository.class);
    private final Planner planner =
            new Planner(mock(OwnerCheck.class), threads, boards, new ItemMapping(boards, mock(Accounts.class)));
    private final RecipePreviews previews =
            new RecipePreviews(mock(RecipeAccess.class), planner, mailboxes, Clock.systemUTC());

    @Test
    void showsWhichRecentMailWouldMatchAndWhatItWouldCreate() {
        when(threads.byMessageIds(any(), any())).thenReturn(Optional.empty());
        when(threads.byConversation(any(), any())).thenReturn(Optional.empty());
        when(mailboxes.newestMail(RecipeUnitFixtures.CONNECTION, 20))
                .thenReturn(List.of(mail("Order 5 for blue widgets"), mail("Lunch on Friday")));
        RecipeDraft draft = new RecipeDraft(
                "Orders",
                RecipeUnitFixtures.BOARD,
                RecipeUnitFixtures.CONNECTION,
                new Condition.SubjectContains("order"),
                false,
                RecipeAction.createItem());
        CurrentUser user =
                new CurrentUser(RecipeUnitFixtures.OWNER, RecipeUnitFixtures.ACCOUNT, "o@x.example", "O", Role.MEMBER);

        List<PreviewLine> lines = previews.preview(user, draft, 20);

        assertThat(lines).extracting(PreviewLine::matches).containsExactly(true, false);
        assertThat(lines.get(0).outcome())
                .isEqualTo("create item \"Order 5 for blue widgets\" and the mail's text as its first update");
        assertThat(lines.get(1).outcome()).isEqualTo("skip: conditions not met: not subject contains \"order\"");
        verify(boards, never()).createItem(any(), any());
        verify(boards, never()).postUpdate(any(), any(), any());
        verify(runs, never()).claim(any(), any(), any());
    }

    private static MailReceived mail(String subject) {
        return new MailReceived(
                RecipeUnitFixtures.CONNECTION,
                RecipeUnitFixtures.ACCOUNT,
                "m-" + subject,
                null,
                null,
                subject,
                new MailAddress("a@b.example", "A"),
                List.of(),
                List.of(),
                Instant.now(),
                null,
                List.of(),
                "<p>text</p>",
                "<p>text</p>",
                false,
                "normal",
                List.of(),
                Set.of(),
                MailReceived.Discovery.NOTIFICATION);
    }
}
