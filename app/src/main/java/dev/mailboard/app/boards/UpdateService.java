package dev.mailboard.app.boards;

import dev.mailboard.app.text.RichText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts and lists updates; every body is sanitized before it is stored (S-59). */
@Service
class UpdateService {

    static final int MAX_BODY = 100_000;

    private final BoardAccess access;
    private final UpdateRepository updates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpdateService(BoardAccess access, UpdateRepository updates, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.updates = updates;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    UpdateView post(Actor actor, ItemId itemId, String html) {
        Caller caller = access.resolve(actor);
        BoardView board = access.requireForItem(caller, itemId, BoardRole.EDITOR);
        String body = RichText.sanitize(html);
        if (body.isEmpty()) {
            throw new InvalidValueException("The update is empty (after removing what is not allowed)");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidValueException("The update is too long: at most " + MAX_BODY + " characters of HTML");
        }
        Instant now = clock.instant();
        UpdateView update = updates.insert(itemId, body, caller.author(), now);
        events.publishEvent(new UpdatePosted(board.accountId(), board.id(), itemId, update.id(), caller.author(), now));
        return update;
    }

    @Transactional(readOnly = true)
    List<UpdateView> list(Actor actor, ItemId itemId, int limit) {
        access.requireForItem(access.resolve(actor), itemId, BoardRole.VIEWER);
        return updates.find(itemId, Math.max(1, Math.min(limit, 500)));
    }
}
