package dev.mailboard.app.mail;

import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.mail.graph.GraphAccess;
import dev.mailboard.app.mail.graph.GraphClient;
import dev.mailboard.app.mail.graph.GraphException;
import dev.mailboard.app.mail.graph.GraphSubscription;
import dev.mailboard.app.mail.graph.NewSubscription;
import dev.mailboard.app.operations.PublicUrl;
import dev.mailboard.app.webhooks.ValidationWindows;
import dev.mailboard.app.webhooks.spi.SubscriptionVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Graph subscriptions on watched Inboxes: creates them with a random clientState (only its hash is
 * kept, S-24), renews them before half their lifetime is gone (with jitter, S-30), repairs them against
 * Graph's list, and deletes them. Answers the webhook edge's clientState question. Every method that calls
 * Graph runs in a job, outside any database transaction.
 */
@Service
class MailSubscriptions implements SubscriptionVerifier {

    static final String OWNER = "mail";
    static final String NOTIFICATIONS_PATH = "/webhooks/graph/notifications";
    static final String LIFECYCLE_PATH = "/webhooks/graph/lifecycle";
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(MailSubscriptions.class);

    private final SubscriptionRepository subscriptions;
    private final WatchRepository watches;
    private final GraphClient graph;
    private final ValidationWindows windows;
    private final PublicUrl publicUrl;
    private final MailProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MailSubscriptions(
            SubscriptionRepository subscriptions,
            WatchRepository watches,
            GraphClient graph,
            ValidationWindows windows,
            PublicUrl publicUrl,
            MailProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.watches = watches;
        this.graph = graph;
        this.windows = windows;
        this.publicUrl = publicUrl;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> clientStateHash(String subscriptionId) {
        return subscriptions.activeHash(subscriptionId);
    }

    @Override
    public String owner() {
        return OWNER;
    }

    /** Creates the Inbox subscription of an active watch that has none. */
    void ensure(ConnectionId connection, GraphAccess access) {
        Optional<WatchRepository.Watch> watch = watches.find(connection);
        if (watch.isEmpty()
                || !watch.get().isActive()
                || !subscriptions.forConnection(connection).isEmpty()) {
            return;
        }
        String clientState = clientState();
        GraphSubscription created;
        try {
            created = create(access, clientState);
        } catch (GraphException e) {
            if (e.kind() != GraphException.Kind.CONFLICT) {
                throw e;
            }
            // Graph keeps one subscription per resource and change type: one no row knows (its clientState
            // is gone) is deleted and created again; one another instance just stored is kept.
            Set<String> known = subscriptions.forConnection(connection).stream()
                    .map(SubscriptionRepository.Stored::id)
                    .collect(Collectors.toSet());
            if (!known.isEmpty()) {
                return;
            }
            deleteOrphans(access, known);
            created = create(access, clientState);
        }
        Instant expires = Objects.requireNonNullElse(
                created.expirationDateTime(), clock.instant().plus(properties.subscriptionLifetime()));
        subscriptions.insert(
                new SubscriptionRepository.Stored(
                        created.id(), connection, sha256(clientState), expires, renewAt(expires)),
                clock.instant());
        if (!watches.exists(connection)) {
            remove(connection, access);
        }
        log.info("Created subscription {} for connection {}, expiring {}", created.id(), connection, expires);
    }

    /**
     * Extends a subscription; one Graph no longer knows is replaced.
     *
     * @return false when there is no such subscription any more
     */
    boolean renew(String subscriptionId, GraphAccess access) {
        Optional<SubscriptionRepository.Stored> stored = subscriptions.find(subscriptionId);
        if (stored.isEmpty()) {
            return false;
        }
        GraphSubscription renewed;
        try (ValidationWindows.Window window = windows.open(WINDOW)) {
            renewed = graph.renewSubscription(
                    access, subscriptionId, clock.instant().plus(properties.subscriptionLifetime()));
        } catch (GraphException e) {
            if (e.kind() != GraphException.Kind.GONE) {
                throw e;
            }
            subscriptions.delete(subscriptionId);
            ensure(stored.get().connection(), access);
            return true;
        }
        Instant expires = Objects.requireNonNullElse(
                renewed.expirationDateTime(), clock.instant().plus(properties.subscriptionLifetime()));
        subscriptions.renewed(subscriptionId, expires, renewAt(expires));
        return true;
    }

    /** Makes Graph and the database agree for a connection: stale rows go, orphans at Graph go, a missing one is made. */
    void reconcile(ConnectionId connection, GraphAccess access) {
        Set<String> atGraph = ours(graph.subscriptions(access)).stream()
                .map(GraphSubscription::id)
                .collect(Collectors.toSet());
        Set<String> known = subscriptions.forConnection(connection).stream()
                .map(SubscriptionRepository.Stored::id)
                .collect(Collectors.toSet());
        for (String id : known) {
            if (!atGraph.contains(id)) {
                log.info("Subscription {} of connection {} is gone at Graph; making a new one", id, connection);
                subscriptions.delete(id);
            }
        }
        deleteOrphans(access, known);
        ensure(connection, access);
    }

    /** Deletes a connection's subscriptions at Graph (best effort) and here. */
    void remove(ConnectionId connection, GraphAccess access) {
        for (SubscriptionRepository.Stored stored : subscriptions.forConnection(connection)) {
            deleteAtGraph(access, stored.id());
            subscriptions.delete(stored.id());
        }
    }

    /** How many subscriptions a connection has here. */
    int forConnectionCount(ConnectionId connection) {
        return subscriptions.forConnection(connection).size();
    }

    /** Forgets a connection's subscriptions without calling Graph (its tokens are gone). */
    void forget(ConnectionId connection) {
        subscriptions.forConnection(connection).forEach(stored -> subscriptions.delete(stored.id()));
    }

    private GraphSubscription create(GraphAccess access, String clientState) {
        NewSubscription request = new NewSubscription(
                "created",
                publicUrl.resolve(NOTIFICATIONS_PATH),
                publicUrl.resolve(LIFECYCLE_PATH),
                NewSubscription.INBOX_MESSAGES,
                clock.instant().plus(properties.subscriptionLifetime()),
                clientState);
        try (ValidationWindows.Window window = windows.open(WINDOW)) {
            return graph.createSubscription(access, request);
        }
    }

    private void deleteOrphans(GraphAccess access, Set<String> keep) {
        for (GraphSubscription orphan : ours(graph.subscriptions(access))) {
            if (!keep.contains(orphan.id())) {
                log.info("Deleting orphaned subscription {}", orphan.id());
                deleteAtGraph(access, orphan.id());
            }
        }
    }

    private List<GraphSubscription> ours(List<GraphSubscription> all) {
        String url = publicUrl.resolve(NOTIFICATIONS_PATH);
        return all.stream().filter(s -> url.equals(s.notificationUrl())).toList();
    }

    private void deleteAtGraph(GraphAccess access, String id) {
        try {
            graph.deleteSubscription(access, id);
        } catch (GraphException e) {
            if (e.kind() != GraphException.Kind.GONE) {
                log.info("Could not delete subscription {} at Graph: {}", id, e.kind());
            }
        }
    }

    /** Half the remaining lifetime, less up to a tenth of it so that renewals made together spread out. */
    private Instant renewAt(Instant expires) {
        long remaining = Math.max(0, Duration.between(clock.instant(), expires).toMillis());
        long jitter = remaining / 10 == 0 ? 0 : random.nextLong(remaining / 10);
        return clock.instant().plusMillis(remaining / 2 - jitter);
    }

    /** 256 random bits, base64url: 43 characters, within Graph's 128 (S-24). */
    private String clientState() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
