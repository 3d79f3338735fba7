package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardAccessDeniedException;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnId;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemChanged;
import dev.mailboard.app.boards.ItemCreated;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.mail.MailSendRequest;
import dev.mailboard.app.mail.MailSender;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send-email action: when a column of an item changes to the configured value (or an item is created
 * with it), the recipe's owner sends a mail from the recipe's connection to the address in the item's email
 * column, when its domain is on the recipient allowlist (S-55), as an automatic send (auto-generated
 * marker, {@code X-Auto-Response-Suppress: All}, marker header: S-52), within the per (recipe, recipient)
 * and per user limits (S-53). The {@code recipe_send} row,
 * claimed in the transaction that queues the mail, makes each (recipe, item change) send at most once across
 * replays. A refusal is recorded there and shown on the item as "Email not sent: ...".
 */
@Component
class SendActions {

    /** The origin tag prefix of mail sent by a recipe: the limits count per (recipe, recipient). */
    static final String ORIGIN = "recipe:";

    /** The change key of an item created with the trigger value. */
    static final String CREATED = "created";

    private static final Logger log = LoggerFactory.getLogger(SendActions.class);

    private final RecipeRepository recipes;
    private final SendRepository sends;
    private final OwnerCheck owners;
    private final Boards boards;
    private final MailSender sender;
    private final ItemEmails notes;
    private final RecipientDomains domains;
    private final TransactionTemplate write;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendActions(
            RecipeRepository recipes,
            SendRepository sends,
            OwnerCheck owners,
            Boards boards,
            MailSender sender,
            ItemEmails notes,
            RecipientDomains domains,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.recipes = recipes;
        this.sends = sends;
        this.owners = owners;
        this.boards = boards;
        this.sender = sender;
        this.notes = notes;
        this.domains = domains;
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /**
     * An item's creation on a board that had an active send-email recipe when it was saved. Only these are kept
     * durably for the action: deciding once, in the transaction that saves the item, means a board without such
     * a recipe stores no publication, and a recipe switched off before the action runs leaves nothing pending.
     */
    record WatchedItemCreated(ItemCreated created) {}

    /** A change to a column that an active send-email recipe of the board watched when it was saved. */
    record WatchedItemChanged(ItemChanged changed) {}

    // Runs inside the transaction that saves the item, so the watched event is stored with it or not at all.
    @EventListener
    void keep(ItemCreated created) {
        if (!sendRecipes(created.boardId()).isEmpty()) {
            events.publishEvent(new WatchedItemCreated(created));
        }
    }

    @EventListener
    void keep(ItemChanged changed) {
        if (changed.columnId() == null) {
            return;
        }
        UUID column = changed.columnId().value();
        if (sendRecipes(changed.boardId()).stream()
                .anyMatch(recipe -> send(recipe).triggerColumn().equals(column))) {
            events.publishEvent(new WatchedItemChanged(changed));
        }
    }

    // Each (recipe, change) gets its own transaction; this listener holds none.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WatchedItemChanged watched) {
        ItemChanged changed = watched.changed();
        ColumnId column = changed.columnId();
        if (column == null) {
            return;
        }
        for (Recipe recipe : sendRecipes(changed.boardId())) {
            RecipeAction.SendEmail send = send(recipe);
            if (send.triggerColumn().equals(column.value())
                    && recipe.accountId().equals(changed.accountId())
                    && SendActionTemplate.isTrigger(send, changed.newValue())
                    && !SendActionTemplate.isTrigger(send, changed.oldValue())) {
                fire(recipe, changed.itemId(), "v" + changed.version());
            }
        }
    }

    // An item created with the trigger value counts as a change to it: a new item with status "New" fires
    // "changes to New".
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WatchedItemCreated watched) {
        ItemCreated created = watched.created();
        for (Recipe recipe : sendRecipes(created.boardId())) {
            if (!recipe.accountId().equals(created.accountId())) {
                continue;
            }
            RecipeAction.SendEmail send = send(recipe);
            try {
                ItemView item = boards.item(Actor.user(recipe.ownerId()), created.itemId());
                if (SendActionTemplate.isTrigger(send, item.value(new ColumnId(send.triggerColumn())))) {
                    fire(recipe, created.itemId(), CREATED);
                }
            } catch (BoardNotFoundException | BoardAccessDeniedException e) {
                log.info("Recipe {} cannot see new item {}", recipe.id(), created.itemId());
            }
        }
    }

    private List<Recipe> sendRecipes(BoardId board) {
        return recipes.onBoard(board).stream()
                .filter(Recipe::active)
                .filter(r -> r.definition().action().kind() == RecipeAction.Kind.SEND_EMAIL)
                .filter(r -> r.definition().action().sendEmail() != null)
                .toList();
    }

    private static RecipeAction.SendEmail send(Recipe recipe) {
        RecipeAction.SendEmail send = recipe.definition().action().sendEmail();
        if (send == null) {
            throw new IllegalStateException("not a send-email recipe");
        }
        return send;
    }

    /** Sends once for this (recipe, item, change); a refusal is recorded and shown on the item. */
    void fire(Recipe recipe, ItemId itemId, String changeKey) {
        try {
            write.executeWithoutResult(status -> {
                if (!sends.claim(recipe.id(), itemId, changeKey, SendRepository.QUEUED, null, clock.instant())) {
                    return;
                }
                String ownerProblem = owners.problem(recipe);
                if (ownerProblem != null) {
                    recipes.pause(recipe.id(), Recipe.PausedBy.OWNER, "Paused: " + ownerProblem, clock.instant());
                    sends.finish(
                            recipe.id(),
                            itemId,
                            changeKey,
                            SendRepository.SKIPPED,
                            "owner lost access: " + ownerProblem);
                    return;
                }
                RecipeAction.SendEmail send = send(recipe);
                Actor owner = Actor.user(recipe.ownerId());
                ItemView item = boards.item(owner, itemId);
                if (!item.boardId().equals(recipe.boardId()) || item.archived()) {
                    sends.finish(recipe.id(), itemId, changeKey, SendRepository.SKIPPED, "not on the board");
                    return;
                }
                List<ColumnView> columns = boards.columns(owner, recipe.boardId());
                ColumnView toColumn = SendActionTemplate.column(columns, send.toColumn())
                        .orElseThrow(() -> refusal("the recipient column no longer exists on the board"));
                String to = item.value(toColumn.id());
                if (to == null || to.isBlank()) {
                    throw refusal("the item has no address in " + toColumn.name());
                }
                String notAllowed = domains.problem(recipe, to.strip());
                if (notAllowed != null) {
                    throw refusal(notAllowed);
                }
                UUID sendId = sender.send(new MailSendRequest(
                        recipe.connectionId(),
                        recipe.ownerId(),
                        List.of(to.strip()),
                        SendActionTemplate.subject(send, item, columns),
                        SendActionTemplate.body(send, item, columns),
                        ORIGIN + recipe.id(),
                        true));
                sends.queued(recipe.id(), itemId, changeKey, sendId);
            });
        } catch (MailSendRefusedException e) {
            refused(recipe, itemId, changeKey, ItemEmails.reason(e));
        } catch (BoardNotFoundException | BoardAccessDeniedException e) {
            log.info("Recipe {} could not send for item {}: the item is gone or not writable", recipe.id(), itemId);
        }
    }

    private void refused(Recipe recipe, ItemId itemId, String changeKey, String reason) {
        write.executeWithoutResult(status -> {
            if (sends.claim(recipe.id(), itemId, changeKey, SendRepository.REFUSED, reason, clock.instant())) {
                notes.notSent(recipe.ownerId(), itemId, reason);
            }
        });
    }

    private static MailSendRefusedException refusal(String message) {
        return new MailSendRefusedException(MailSendRefusedException.Reason.INVALID, message, List.of(), null);
    }
}
