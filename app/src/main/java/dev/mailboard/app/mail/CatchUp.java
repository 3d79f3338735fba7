package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.mail.graph.DeltaProgress;
import dev.mailboard.app.mail.graph.DeltaRound;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphDeltaItem;
import dev.mailboard.app.mail.graph.GraphException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catch-up: a delta round over a watched Inbox from the stored delta link (S-32). Messages the round shows
 * that are not recorded yet go through the same publish path as notified ones, so a lost notification only
 * delays a message (S-70). A 410 starts a full round, bounded by the watch's start. The delta link is stored
 * only after a complete round whose messages were all published or handed to retrying jobs.
 */
@Component
class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final WatchRepository watches;
    private final MessageRepository messages;
    private final MessageFetch fetch;
    private final MessageIntake intake;
    private final GraphClient graph;
    private final MailQueue jobs;
    private final MeterRegistry metrics;
    private final CatchUpProgress progress;
    private final Clock clock;

    CatchUp(
            WatchRepository watches,
            MessageRepository messages,
            MessageFetch fetch,
            MessageIntake intake,
            GraphClient graph,
            MailQueue jobs,
            MeterRegistry metrics,
            CatchUpProgress progress,
            Clock clock) {
        this.watches = watches;
        this.messages = messages;
        this.fetch = fetch;
        this.intake = intake;
        this.graph = graph;
        this.jobs = jobs;
        this.metrics = metrics;
        this.progress = progress;
        this.clock = clock;
    }

    /** Asks for a catch-up round of every active watch (the schedule, or a test). */
    @Transactional
    void requestAll() {
        watches.active().forEach(this::request);
    }

    /** Asks for a catch-up round of one watch; joins the caller's transaction. */
    void request(ConnectionId connection) {
        jobs.enqueue(JobRequest.now(new MailCommands.CatchUpMailbox(connection.value()), "catch-up:" + connection));
    }

    /**
     * Runs one round.
     *
     * @return how many messages it published
     * @throws GraphException when Graph failed; the job retries
     */
    int run(WatchRepository.Watch watch, GraphAccess access) {
        progress.start(watch.connection());
        try {
            return round(watch, access);
        } finally {
            progress.finish(watch.connection());
        }
    }

    private int round(WatchRepository.Watch watch, GraphAccess access) {
        String inbox = fetch.inboxFolderId(watch, access);
        DeltaProgress pages = (count, checked) -> progress.page(watch.connection(), count, checked);
        DeltaRound round = graph.delta(access, inbox, watch.deltaLink(), pages);
        if (round instanceof DeltaRound.ResyncNeeded resync) {
            log.info(
                    "Delta link of connection {} expired ({}); starting a full round",
                    watch.connection(),
                    resync.code());
            round = graph.delta(access, inbox, null, pages);
        }
        if (!(round instanceof DeltaRound.Complete complete)) {
            throw new IllegalStateException("A fresh delta round asked for a resync");
        }
        List<String> candidates = candidates(watch, inbox, complete.changed());
        int published = 0;
        if (!candidates.isEmpty()) {
            MessageFetch.Fetched fetched = fetch.fetch(access, inbox, candidates);
            published = intake.publishAll(watch, fetched.inInbox(), MailReceived.Discovery.CATCH_UP);
            retryLater(watch.connection(), fetched.failed());
        }
        watches.setDeltaLink(watch.connection(), complete.deltaLink(), clock.instant());
        if (published > 0) {
            metrics.counter("mailboard.mail.catch.up.found").increment(published);
            log.info("Catch-up of connection {} found {} messages notifications missed", watch.connection(), published);
        }
        return published;
    }

    private List<String> candidates(WatchRepository.Watch watch, String inbox, List<GraphDeltaItem> changed) {
        Set<String> ids = new LinkedHashSet<>();
        for (GraphDeltaItem item : changed) {
            Instant received = item.receivedDateTime();
            boolean inInbox = item.parentFolderId() == null || inbox.equals(item.parentFolderId());
            if (inInbox && !MessageIntake.arrivedBeforeWatch(received, watch)) {
                ids.add(item.id());
            }
        }
        ids.removeAll(messages.recorded(watch.connection(), ids));
        return new ArrayList<>(ids);
    }

    void retryLater(ConnectionId connection, Map<String, GraphException> failed) {
        failed.forEach((id, e) -> jobs.enqueue(new JobRequest(
                new MailCommands.FetchMessage(connection.value(), id, MailReceived.Discovery.CATCH_UP),
                "fetch:" + connection + ":" + id,
                clock.instant().plus(e.retryAfter().orElse(java.time.Duration.ZERO)))));
    }
}
