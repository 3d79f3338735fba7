package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailSendCompleted;
import dev.mailboard.app.mail.MailSendRequest;
import dev.mailboard.app.mail.MailSender;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * "Send email" on an item: the board's editors send through a mailbox they connected themselves (S-48), to
 * typed addresses or the item's email columns (never addresses from an inbound body, S-55). Once the mail is
 * sent it becomes an update on the item, and its Message-ID and conversation join the item's thread, so
 * replies come back to it.
 */
@Service
public class ItemEmails {

    /** The origin tag prefix of mail sent from an item. */
    static final String ORIGIN = "item:";

    private static final Logger log = LoggerFactory.getLogger(ItemEmails.class);

    private final Boards boards;
    private final Connections connections;
    private final MailSender sender;
    private final ThreadIndex threads;
    private final Clock clock;

    ItemEmails(Boards boards, Connections connections, MailSender sender, ThreadIndex threads, Clock clock) {
        this.boards = boards;
        this.connections = connections;
        this.sender = sender;
        this.threads = threads;
        this.clock = clock;
    }

    /**
     * Queues a mail from an item.
     *
     * @param user the signed-in user; an editor of the board
     * @param boardId the board
     * @param itemId the item
     * @param email what to send
     * @return the send id
     * @throws BoardNotFoundException for a board or item the user cannot see
     * @throws RecipePermissionException for a viewer, or a connection the user did not connect
     * @throws RecipeNotFoundException for an unknown connection
     * @throws dev.mailboard.app.mail.MailSendRefusedException for invalid fields, a limit, or no
     *     {@code Mail.Send}
     */
    @Transactional
    public UUID send(CurrentUser user, BoardId boardId, ItemId itemId, ItemEmail email) {
        Actor actor = Actor.of(user);
        BoardView board = boards.board(actor, boardId);
        ItemView item = boards.item(actor, itemId);
        if (!item.boardId().equals(boardId)) {
            throw new BoardNotFoundException("item " + itemId);
        }
        if (!board.canEdit()) {
            throw new RecipePermissionException("Sending mail from an item needs the editor role on the board.");
        }
        ConnectionView connection = connections
                .find(email.connectionId())
                .filter(c -> c.accountId().equals(user.accountId()))
                .orElseThrow(() -> new RecipeNotFoundException("connection " + email.connectionId()));
        if (!connection.isOwnedBy(user.userId())) {
            throw new RecipePermissionException("Mail can only be sent from a mailbox you connected yourself.");
        }
        List<String> to = email.to().isEmpty() ? emailColumns(actor, board, item) : email.to();
        String subject =
                email.subject() == null || email.subject().isBlank() ? suggestedSubject(item) : email.subject();
        return sender.send(new MailSendRequest(
                connection.id(), user.userId(), to, subject, email.body(), ORIGIN + itemId.value(), false));
    }

    /**
     * The subject a new mail from the item starts with: the item token, which brings replies back to the item.
     *
     * @param item the item
     * @return for example {@code [#1234] Order 5}
     */
    public String suggestedSubject(ItemView item) {
        return "[" + item.id().tag() + "] " + item.name();
    }

    // After the relay marked the mail sent; its own transaction, replayed after a crash. The claim makes the
    // update happen once per send.
    @ApplicationModuleListener
    void on(MailSendCompleted sent) {
        if (!sent.origin().startsWith(ORIGIN)) {
            return;
        }
        ItemId itemId;
        try {
            itemId = new ItemId(Long.parseLong(sent.origin().substring(ORIGIN.length())));
        } catch (NumberFormatException e) {
            return;
        }
        Actor actor = Actor.user(sent.requestedBy());
        try {
            ItemView item = boards.item(actor, itemId);
            if (!threads.claimSentMail(item.boardId(), sent.sendId(), itemId, clock.instant())) {
                return;
            }
            boards.postUpdate(
                    actor,
                    itemId,
                    "<p>"
                            + HtmlUtils.htmlEscape(
                                    "Email sent to " + String.join(", ", sent.to()) + ": " + sent.subject())
                            + "</p>" + sent.bodyHtml());
            threads.remember(item.boardId(), itemId, sent.internetMessageId(), sent.conversationId(), clock.instant());
        } catch (BoardNotFoundException | BoardAccessDeniedException e) {
            log.info("Send {} went out, but its item {} is gone or no longer writable", sent.sendId(), itemId);
        }
    }

    private List<String> emailColumns(Actor actor, BoardView board, ItemView item) {
        List<String> to = new ArrayList<>();
        for (ColumnView column : boards.columns(actor, board.id())) {
            String value = item.value(column.id());
            if (column.type() == ColumnType.EMAIL && value != null && !value.isBlank()) {
                to.add(value.strip());
            }
        }
        return to;
    }
}
