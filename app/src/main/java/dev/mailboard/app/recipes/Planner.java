package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.mail.AutomatedMail;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Decides what a recipe does with a mail, reading only: the owner check, automated mail, the conditions,
 * then the thread (item token in the subject, {@code In-Reply-To}/{@code References}, conversation).
 */
@Component
class Planner {

    /** Why Mailboard's own mail never becomes a new item. */
    static final String OWN_MAIL = "sent by Mailboard itself: its own mail never becomes a new item, so that it"
            + " cannot set off a send (it may still become an update of its thread)";

    private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,18})]");

    private final OwnerCheck owners;
    private final ThreadIndex threads;
    private final Boards boards;
    private final ItemMapping mapping;

    Planner(OwnerCheck owners, ThreadIndex threads, Boards boards, ItemMapping mapping) {
        this.owners = owners;
        this.threads = threads;
        this.boards = boards;
        this.mapping = mapping;
    }

    Plan plan(Recipe recipe, MailFacts mail) {
        String ownerProblem = owners.problem(recipe);
        if (ownerProblem != null) {
            return new Plan.PauseForOwner(ownerProblem);
        }
        Recipe.Definition definition = recipe.definition();
        if (!mail.automated().isEmpty() && !definition.includeAutomated()) {
            return new Plan.Skip("automated mail, "
                    + mail.automated().stream()
                            .map(AutomatedMail.Reason::description)
                            .collect(Collectors.joining(", ")));
        }
        String mismatch = definition.condition().mismatch(mail);
        if (mismatch != null) {
            return new Plan.Skip("conditions not met: " + mismatch);
        }
        Optional<ItemId> thread = threadItem(recipe, mail);
        if (thread.isPresent()) {
            return new Plan.AddUpdate(thread.get(), updateHtml(mail));
        }
        if (mail.automated().contains(AutomatedMail.Reason.OWN_MAIL)) {
            // Even with automated mail opted in: a new item could fire a send-email recipe (S-52).
            return new Plan.Skip(OWN_MAIL);
        }
        RecipeAction action = definition.action();
        boolean unmatched = action.kind() == RecipeAction.Kind.ADD_UPDATE || mail.isReply();
        if (unmatched && action.whenNoMatch() == RecipeAction.NoMatch.SKIP) {
            return new Plan.Skip(
                    mail.isReply()
                            ? "a reply to a thread that has no item on this board"
                            : "no item on this board belongs to its thread");
        }
        return mapping.newItem(recipe, mail);
    }

    /** The item of the mail's thread on the recipe's board. */
    Optional<ItemId> threadItem(Recipe recipe, MailFacts mail) {
        Optional<ItemId> byToken = byToken(recipe, mail.subject());
        if (byToken.isPresent()) {
            return byToken;
        }
        Optional<ItemId> byReference = threads.byMessageIds(recipe.boardId(), ThreadIndex.repliedTo(mail));
        return byReference.isPresent() ? byReference : threads.byConversation(recipe.boardId(), mail.conversationId());
    }

    private Optional<ItemId> byToken(Recipe recipe, String subject) {
        Matcher matcher = TOKEN.matcher(subject);
        while (matcher.find()) {
            ItemId id = new ItemId(Long.parseLong(matcher.group(1)));
            if (isOnBoard(recipe, id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private boolean isOnBoard(Recipe recipe, ItemId id) {
        try {
            ItemView item = boards.item(Actor.user(recipe.ownerId()), id);
            return item.boardId().equals(recipe.boardId()) && !item.archived();
        } catch (BoardNotFoundException e) {
            return false;
        }
    }

    /** The update a mail of a known thread becomes: who wrote, the subject, and the new part of the body. */
    static String updateHtml(MailFacts mail) {
        String who = mail.fromName().isBlank() ? mail.fromAddress() : mail.fromName() + " <" + mail.fromAddress() + ">";
        String heading = "<p><strong>" + HtmlUtils.htmlEscape("Email from " + who) + "</strong>: "
                + HtmlUtils.htmlEscape(mail.subject()) + "</p>";
        String body = newText(mail);
        return heading + (body == null ? "" : body);
    }

    /** The new part of the mail's body (sanitized HTML), or null when it has no text. */
    static @Nullable String newText(MailFacts mail) {
        String html = mail.uniqueBody().isBlank() ? mail.body() : mail.uniqueBody();
        boolean hasContent = !html.replaceAll("<[^>]*>", "").isBlank() || html.contains("<img");
        return hasContent ? html : null;
    }
}
