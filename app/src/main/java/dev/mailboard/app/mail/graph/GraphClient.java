package dev.mailboard.app.mail.graph;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The mail module's way to Microsoft Graph. Every call names its {@link GraphAccess} (mailbox key and access
 * token), runs within that mailbox's limits (S-68) and timeouts (S-72), and fails only with
 * {@link GraphException}. Message ids are immutable ids throughout.
 */
public final class GraphClient {

    private static final String NEWEST_FIRST = "receivedDateTime desc";
    private static final String INBOX = "inbox";

    private final long maxBodyChars;
    private final GraphProperties properties;
    private final Clock clock;
    private final List<ClientHttpRequestInterceptor> interceptors;
    private final MessageBatches.Sleeper sleeper;
    private volatile Parts parts;

    /** What talks to one base URL; replaced whole when the base URL becomes known (a random port). */
    private record Parts(
            GraphCalls calls, LinkGuard links, DeltaSync delta, MessageBatches batches, AttachmentCopies attachments) {}

    GraphClient(GraphProperties properties, Clock clock) {
        this(properties, clock, List.of(), MessageBatches.realSleeper());
    }

    GraphClient(
            GraphProperties properties,
            Clock clock,
            List<ClientHttpRequestInterceptor> interceptors,
            MessageBatches.Sleeper sleeper) {
        this.maxBodyChars = properties.maxBodySize().toBytes();
        this.properties = properties;
        this.clock = clock;
        this.interceptors = List.copyOf(interceptors);
        this.sleeper = sleeper;
        this.parts = parts(properties);
    }

    private Parts parts(GraphProperties settings) {
        GraphCalls calls = new GraphCalls(settings, clock, interceptors);
        LinkGuard links = new LinkGuard(settings.baseUrl(), settings.linkHost());
        return new Parts(
                calls,
                links,
                new DeltaSync(calls, links, settings.deltaPageSize()),
                new MessageBatches(calls, settings, sleeper, this::message),
                new AttachmentCopies(
                        calls,
                        settings.maxAttachments(),
                        settings.maxAttachmentSize().toBytes()));
    }

    /** Points the client at the base URL with the port the server got (configured as port 0, in tests). */
    void rebase(int port) {
        java.net.URI base = properties.baseUrl();
        if (base.getPort() == 0) {
            parts = parts(
                    properties.withBaseUrl(java.net.URI.create(base.toString().replaceFirst(":0(?=/|$)", ":" + port))));
        }
    }

    /** The signed-in user: id, mail, user principal name and display name. */
    public GraphUser me(GraphAccess access) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "GET /me",
                        api -> api.me(access.bearer(), "id,mail,userPrincipalName,displayName"));
    }

    /** The Inbox's folder id, to compare with a message's {@code parentFolderId}. */
    public String inboxFolderId(GraphAccess access) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "GET inbox",
                        api -> api.folder(access.bearer(), GraphCalls.IMMUTABLE_IDS, INBOX, "id"))
                .id();
    }

    /** The id of the newest Inbox message, if the Inbox has any (the connection check). */
    public Optional<String> newestInboxMessageId(GraphAccess access) {
        return parts
                .calls()
                .call(
                        access.mailbox(),
                        "GET inbox messages",
                        api -> api.folderMessages(
                                access.bearer(), GraphCalls.IMMUTABLE_IDS, INBOX, 1, "id", NEWEST_FIRST))
                .value()
                .stream()
                .map(GraphMessage::id)
                .findFirst();
    }

    /**
     * A message by (immutable) id with the fields Mailboard uses. Bodies over the configured size are cut; a
     * message too large to read is read again without bodies. Both are marked {@code bodyTruncated}.
     */
    public GraphMessage message(GraphAccess access, String messageId) {
        try {
            return read(access, messageId, GraphMessage.SELECT).keepingBodiesUpTo(maxBodyChars);
        } catch (GraphException e) {
            if (e.kind() != GraphException.Kind.TOO_LARGE) {
                throw e;
            }
            return read(access, messageId, GraphMessage.SELECT_WITHOUT_BODIES).withoutBodies();
        }
    }

    /** The newest {@code count} (1 to 1000) Inbox messages, newest first, for dry runs. */
    public List<GraphMessage> recentInboxMessages(GraphAccess access, int count) {
        int top = Math.max(1, Math.min(1000, count));
        return parts
                .calls()
                .call(
                        access.mailbox(),
                        "GET inbox messages",
                        api -> api.folderMessages(
                                access.bearer(),
                                GraphCalls.IMMUTABLE_IDS,
                                INBOX,
                                top,
                                GraphMessage.SELECT,
                                NEWEST_FIRST))
                .value()
                .stream()
                .map(m -> m.keepingBodiesUpTo(maxBodyChars))
                .toList();
    }

    /** A message's attachments: content for those within the limits, references for the rest (S-57). */
    public List<FetchedAttachment> attachments(GraphAccess access, String messageId) {
        return parts.attachments().fetch(access, messageId);
    }

    /** Messages by id through {@code $batch} (20 per batch), with an outcome per id. */
    public GraphBatchResult messages(GraphAccess access, List<String> messageIds) {
        return parts.batches().fetch(access, messageIds);
    }

    /**
     * One complete delta round over a folder ({@code inbox} or a folder id), from {@code deltaLink} or, when
     * null, from the start. Store the new delta link only from a {@link DeltaRound.Complete}.
     */
    public DeltaRound delta(GraphAccess access, String folder, @Nullable String deltaLink) {
        return parts.delta().round(access, folder, deltaLink, DeltaProgress.NONE);
    }

    /**
     * One complete delta round, as {@link #delta(GraphAccess, String, String)}, telling {@code progress} after
     * each page how far it got.
     */
    public DeltaRound delta(GraphAccess access, String folder, @Nullable String deltaLink, DeltaProgress progress) {
        return parts.delta().round(access, folder, deltaLink, progress);
    }

    /** Creates a subscription with immutable ids in its notifications; Graph validates the URLs first. */
    public GraphSubscription createSubscription(GraphAccess access, NewSubscription subscription) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "POST /subscriptions",
                        api -> api.createSubscription(access.bearer(), GraphCalls.IMMUTABLE_IDS, subscription));
    }

    /** Extends a subscription; trust the expiry in the answer. */
    public GraphSubscription renewSubscription(GraphAccess access, String subscriptionId, Instant expiry) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "PATCH /subscriptions/{id}",
                        api -> api.updateSubscription(
                                access.bearer(), subscriptionId, new GraphApi.SubscriptionExpiry(expiry)));
    }

    /** Deletes a subscription. */
    public void deleteSubscription(GraphAccess access, String subscriptionId) {
        parts.calls().call(access.mailbox(), "DELETE /subscriptions/{id}", api -> {
            api.deleteSubscription(access.bearer(), subscriptionId);
            return Boolean.TRUE;
        });
    }

    /** This app's subscriptions for the user. */
    public List<GraphSubscription> subscriptions(GraphAccess access) {
        GraphPage<GraphSubscription> page =
                parts.calls().call(access.mailbox(), "GET /subscriptions", api -> api.subscriptions(access.bearer()));
        List<GraphSubscription> all = new ArrayList<>(page.value());
        for (String next = page.nextLink(); next != null; next = page.nextLink()) {
            java.net.URI link = parts.links().check(next);
            page = parts.calls()
                    .call(
                            access.mailbox(),
                            "GET /subscriptions page",
                            api -> api.subscriptionsPage(link, access.bearer()));
            all.addAll(page.value());
        }
        return List.copyOf(all);
    }

    /** Sends a message at once (202 means accepted, not delivered). Prefer {@link #createDraft} + {@link #send}. */
    public void sendMail(GraphAccess access, OutgoingMessage message, boolean saveToSentItems) {
        parts.calls().call(access.mailbox(), "POST /me/sendMail", api -> {
            api.sendMail(access.bearer(), new GraphApi.SendMail(message, saveToSentItems));
            return Boolean.TRUE;
        });
    }

    /** Saves a draft and answers its immutable id: store it before {@link #send}, so a retry cannot send twice. */
    public String createDraft(GraphAccess access, OutgoingMessage draft) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "POST /me/messages",
                        api -> api.createDraft(access.bearer(), GraphCalls.IMMUTABLE_IDS, draft))
                .id();
    }

    /**
     * Sends a saved draft (S-66). Sending the same draft id again fails with a non-retryable
     * {@link GraphException} (it is no longer a draft, or it is gone) instead of sending a second copy.
     */
    public void send(GraphAccess access, String draftId) {
        parts.calls().call(access.mailbox(), "POST /me/messages/{id}/send", api -> {
            api.send(access.bearer(), GraphCalls.IMMUTABLE_IDS, draftId);
            return Boolean.TRUE;
        });
    }

    /** Replies to a message (to its Reply-To, else its sender) with a comment above the quoted original. */
    public void reply(GraphAccess access, String messageId, String comment) {
        parts.calls().call(access.mailbox(), "POST /me/messages/{id}/reply", api -> {
            api.reply(access.bearer(), GraphCalls.IMMUTABLE_IDS, messageId, new GraphApi.Reply(comment, null));
            return Boolean.TRUE;
        });
    }

    /** Requests in flight for a mailbox key now (a gauge of the limiter). */
    int inFlight(String mailbox) {
        return parts.calls().limiter().inFlight(mailbox);
    }

    /** The most requests ever in flight at once for a mailbox key. */
    int peakInFlight(String mailbox) {
        return parts.calls().limiter().peakInFlight(mailbox);
    }

    private GraphMessage read(GraphAccess access, String messageId, String select) {
        return parts.calls()
                .call(
                        access.mailbox(),
                        "GET /me/messages/{id}",
                        api -> api.message(access.bearer(), GraphCalls.IMMUTABLE_IDS, messageId, select));
    }

    /**
     * The newest Sent Items message (of the newest {@code lookback}, 1 to 1000) carrying a header whose value
     * contains {@code valuePart}, for example Mailboard's marker with a send id: how a retry learns whether an
     * earlier attempt was sent after all (S-66). Needs {@code Mail.Read}.
     *
     * @param access the mailbox and token
     * @param headerName the header to look at, case-insensitive
     * @param valuePart a part of its value, compared exactly
     * @param lookback how many of the newest sent messages to look through
     * @return the message, with id, {@code internetMessageId}, {@code conversationId} and headers
     */
    public Optional<GraphMessage> sentItemWithHeader(
            GraphAccess access, String headerName, String valuePart, int lookback) {
        int top = Math.max(1, Math.min(1000, lookback));
        return parts
                .calls()
                .call(
                        access.mailbox(),
                        "GET sentitems messages",
                        api -> api.folderMessages(
                                access.bearer(),
                                GraphCalls.IMMUTABLE_IDS,
                                "sentitems",
                                top,
                                "id,subject,internetMessageId,conversationId,internetMessageHeaders",
                                NEWEST_FIRST))
                .value()
                .stream()
                .filter(m -> m.internetMessageHeaders().stream()
                        .anyMatch(h -> h.name().equalsIgnoreCase(headerName)
                                && h.value().contains(valuePart)))
                .findFirst();
    }
}
