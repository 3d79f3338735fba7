package dev.mailboard.app.ui;

import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.ItemChanged;
import dev.mailboard.app.boards.ItemCreated;
import dev.mailboard.app.boards.ItemDeleted;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.UpdatePosted;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes "item N changed" to the board pages open in browsers, after the change is committed (and only
 * when the board has a page open). Events
 * carry only the item number: each browser then fetches the row with its own access rights.
 */
@Component
class BoardsLiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(BoardsLiveUpdates.class);
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final Map<BoardId, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

    SseEmitter open(BoardId boardId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        Set<SseEmitter> forBoard = emitters.computeIfAbsent(boardId, id -> ConcurrentHashMap.newKeySet());
        forBoard.add(emitter);
        Runnable remove = () -> forBoard.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(1000));
        } catch (IOException e) {
            forBoard.remove(emitter);
        }
        return emitter;
    }

    @EventListener
    void on(ItemCreated event) {
        afterCommit(event.boardId(), "item-created", event.itemId());
    }

    @EventListener
    void on(ItemChanged event) {
        afterCommit(event.boardId(), "item-changed", event.itemId());
    }

    @EventListener
    void on(ItemDeleted event) {
        afterCommit(event.boardId(), "item-deleted", event.itemId());
    }

    @EventListener
    void on(UpdatePosted event) {
        afterCommit(event.boardId(), "update-posted", event.itemId());
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        emitters.values().forEach(set -> set.forEach(SseEmitter::complete));
        emitters.clear();
    }

    /**
     * Sends once the change is committed. Deliberately not a {@code @TransactionalEventListener}: those are
     * kept in the durable event publication registry (a row written, updated and deleted per event), which a
     * best-effort signal to open pages does not need; a page that misses one catches up on its next load.
     */
    private void afterCommit(BoardId boardId, String name, ItemId itemId) {
        if (emitters.getOrDefault(boardId, Set.of()).isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(boardId, name, itemId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(boardId, name, itemId);
            }
        });
    }

    private void send(BoardId boardId, String name, ItemId itemId) {
        Set<SseEmitter> open = emitters.getOrDefault(boardId, Set.of());
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().name(name).data(Long.toString(itemId.value())));
            } catch (IOException | IllegalStateException e) {
                log.debug("Dropping a closed board stream: {}", e.getMessage());
                open.remove(emitter);
            }
        }
    }
}
