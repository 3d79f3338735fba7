package dev.mailboard.app.recipes;

import dev.mailboard.app.connections.ConnectionNeedsReconnect;
import dev.mailboard.app.connections.ConnectionRemoved;
import dev.mailboard.app.connections.ConnectionRestored;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.mail.Mailboxes;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Runs every recipe of a mailbox on each mail it receives, and pauses or resumes recipes when their
 * connection is lost, restored or removed. The listeners run after the publishing transaction commits and
 * are kept in Modulith's event publication registry until they complete, so a crash replays them; the run
 * log's unique key makes the replay write nothing twice.
 */
@Component
class RecipeListener {

    static final String NEEDS_RECONNECT = "Paused: the mailbox connection needs to be reconnected by its owner.";
    static final String REMOVED = "Paused: the mailbox was disconnected; choose another connection to resume.";

    private final RecipeRepository recipes;
    private final RecipeRunner runner;
    private final Mailboxes mailboxes;
    private final Clock clock;

    RecipeListener(RecipeRepository recipes, RecipeRunner runner, Mailboxes mailboxes, Clock clock) {
        this.recipes = recipes;
        this.runner = runner;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    // RecipeRunner opens the transactions, one write per (recipe, mail); this listener holds none.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(MailReceived mail) {
        runner.run(
                () -> recipes.onConnection(mail.connectionId()).stream()
                        .filter(Recipe::processesMail)
                        .filter(r -> r.definition().action().readsMail())
                        .filter(r -> r.accountId().equals(mail.accountId()))
                        .toList(),
                MailFacts.of(mail));
    }

    @ApplicationModuleListener
    void on(ConnectionNeedsReconnect event) {
        recipes.pauseOnConnection(event.connectionId(), Recipe.PausedBy.CONNECTION, NEEDS_RECONNECT, clock.instant());
    }

    @ApplicationModuleListener
    void on(ConnectionRestored event) {
        recipes.resumeOnConnection(event.connectionId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(ConnectionRemoved event) {
        recipes.onConnection(event.connectionId())
                .forEach(r -> recipes.pause(r.id(), Recipe.PausedBy.OWNER, REMOVED, clock.instant()));
        mailboxes.unwatch(event.connectionId());
    }
}
