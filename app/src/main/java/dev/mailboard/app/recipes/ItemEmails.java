package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UserId;
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
import dev.mailboard.app.mail.MailSendFailed;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.mail.MailSendRequest;
import dev.mailboard.app.mail.MailSender;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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

    /** How an update about a mail that was not sent begins. */
    public static final String NOT_SENT = "Email not sent: ";

    private static final Logger log = LoggerFactory.getLogger(ItemEmails.class);

    private final Boards boards;
    private final Connections connections;
    private final MailSender sender;
    private final ThreadIndex threads;
    private final SendRepository sends;
    private final TransactionTemplate apart;
    private final Clock clock;

    ItemEmails(
            Boards boards,
            Connections connections,
            MailSender sender,
            ThreadIndex threads,
            SendRepository sends,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.boards = boards;
        this.connections = connections;
        this.sender = sender;
        this.threads = threads;
        this.sends = sends;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        try {
            return sender.send(new MailSendRequest(
                    connection.id(), user.userId(), to, subject, email.body(), ORIGIN + itemId.value(), false));
        } catch (MailSendRefusedException e) {
            // The request's transaction rolls back; the note on the item is written in its own.
            apart.executeWithoutResult(status -> notSent(user.userId(), itemId, reason(e)));
            throw e;
        }
    }

    /**
     * Why a send was refused, for the item's "Email not sent: ..." update.
     *
     * @param e the refusal
     * @return the reason without the "The mail was not sent:" lead
     */
    static String reason(MailSendRefusedException e) {
        String message = String.valueOf(e.getMessage());
        String lead = "The mail was not sent: ";
        return message.startsWith(lead) ? message.substring(lead.length()) : message;
    }

    /** Shows on the item that a mail was not sent, and why (as an update by the requester). */
    void notSent(UserId requestedBy, ItemId itemId, String reason) {
        try {
            boards.postUpdate(
                    Actor.user(requestedBy), itemId, "<p>" + HtmlUtils.htmlEscape(NOT_SENT + reason) + "</p>");
        } catch (BoardNotFoundException | BoardAccessDeniedException e) {
            log.info("A mail for item {} was not sent, and the item is gone or no longer writable", itemId);
        }
    }

    // A send failed for good or went to the dead-letter table: once per send and item.
    @ApplicationModuleListener
    void on(MailSendFailed failed) {
        Optional<ItemId> itemId = itemOf(failed.origin(), failed.sendId());
        if (itemId.isEmpty()) {
            return;
        }
        try {
            ItemView item = boards.item(Actor.user(failed.requestedBy()), itemId.get());
            if (threads.claimFailedMail(item.boardId(), failed.sendId(), itemId.get(), clock.instant())) {
                notSent(failed.requestedBy(), itemId.get(), failed.reason());
            }
        } catch (BoardNotFoundException | BoardAccessDeniedException e) {
            log.info("Send {} failed, and its item is gone or no longer readable", failed.sendId());
        }
    }

    /** The item a send belongs to: {@code item:<id>}, or the item whose change fired a recipe's send. */
    private Optional<ItemId> itemOf(String origin, UUID sendId) {
        if (origin.startsWith(SendActions.ORIGIN)) {
            return sends.itemOf(sendId);
        }
        if (!origin.startsWith(ORIGIN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ItemId(Long.parseLong(origin.substring(ORIGIN.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
        Optional<ItemId> found = itemOf(sent.origin(), sent.sendId());
        if (found.isEmpty()) {
            return;
        }
        ItemId itemId = found.get();
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
