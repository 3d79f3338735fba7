package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.faults.Faults;
import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.store.Folder;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.StoredMessage;
import dev.mailboard.sandbox.store.Tombstone;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Delta query per folder: rounds of pages linked by opaque skip and delta tokens, with removals. */
final class DeltaQuery {

    /** What a token remembers: the folder, the round's sequence range, the position, and the first query options. */
    record State(
            String folderId,
            long since,
            long upTo,
            long after,
            @Nullable String select,
            @Nullable String filter,
            @Nullable String changeType) {}

    private final MailStore store;
    private final Faults faults;
    private final SandboxJson json;

    DeltaQuery(MailStore store, Faults faults, SandboxJson json) {
        this.store = store;
        this.faults = faults;
        this.json = json;
    }

    GraphResponse handle(GraphRequest r, Caller caller, Mailbox mailbox, Folder folder) {
        var options = MessageReads.options(r, Permissions.requireRead(caller));
        var state = state(r, folder);
        int pageSize = Math.min(1000, r.maxPageSize().orElse(intOr(r.query().get("$top"), 10)));
        var filterQuery = new LinkedHashMap<String, String>();
        if (state.filter() != null) {
            filterQuery.put("$filter", state.filter());
        }
        var filter = ODataQuery.filterOnly(filterQuery);
        var select = ODataQuery.select(state.select());
        var items = new ArrayList<Item>();
        store.inMailbox(mailbox.id())
                .filter(m -> m.folderId().equals(folder.id()) && m.seq() > state.after() && m.seq() <= state.upTo())
                .filter(filter)
                .filter(m -> wanted(state, m.folderSeq() > state.since() ? "created" : "updated"))
                .forEach(m -> items.add(new Item(m.seq(), m, null)));
        if (state.since() > 0 && wanted(state, "deleted")) {
            store.tombstones(mailbox.id(), folder.id(), state.after(), state.upTo())
                    .forEach(t -> items.add(new Item(t.seq(), null, t)));
        }
        items.sort(Comparator.comparingLong(Item::seq));
        var page = items.subList(0, Math.min(pageSize, items.size()));
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#Collection(message)");
        if (items.size() > page.size()) {
            var next = new State(
                    state.folderId(),
                    state.since(),
                    state.upTo(),
                    page.get(page.size() - 1).seq(),
                    state.select(),
                    state.filter(),
                    state.changeType());
            body.put("@odata.nextLink", link(r, "$skiptoken", next));
        } else {
            var round = new State(
                    state.folderId(),
                    state.upTo(),
                    state.upTo(),
                    state.upTo(),
                    state.select(),
                    state.filter(),
                    state.changeType());
            body.put("@odata.deltaLink", link(r, "$deltatoken", round));
        }
        body.put(
                "value", page.stream().map(item -> item.render(select, options)).toList());
        var response = GraphResponse.json(200, json.write(body));
        return r.maxPageSize().isPresent()
                ? response.withHeader("Preference-Applied", "odata.maxpagesize=" + pageSize)
                : response;
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private State state(GraphRequest r, Folder folder) {
        var token = r.query().getOrDefault("$skiptoken", r.query().get("$deltatoken"));
        if (token == null || token.isEmpty()) {
            long now = store.currentSeq();
            return new State(
                    folder.id(),
                    0,
                    now,
                    0,
                    r.query().get("$select"),
                    r.query().get("$filter"),
                    r.query().get("changeType"));
        }
        if (faults.roll(faults.settings().delta410())) {
            throw resync(r);
        }
        try {
            var state = json.mapper().readValue(Base64.getUrlDecoder().decode(token), State.class);
            if (!state.folderId().equals(folder.id())) {
                throw resync(r);
            }
            boolean newRound = r.query().containsKey("$deltatoken");
            return newRound
                    ? new State(
                            state.folderId(),
                            state.since(),
                            store.currentSeq(),
                            state.since(),
                            state.select(),
                            state.filter(),
                            state.changeType())
                    : state;
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw resync(r);
        }
    }

    private static GraphException resync(GraphRequest r) {
        return new GraphException(
                410,
                "syncStateNotFound",
                "The sync state generation is not found or has" + " expired. Start a new sync without a token.",
                Map.of("Location", r.graphBase() + "/v1.0/" + r.path() + "?$deltatoken="));
    }

    private String link(GraphRequest r, String name, State state) {
        var token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.write(state).getBytes(StandardCharsets.UTF_8));
        return r.graphBase() + "/v1.0/" + r.path() + "?" + name + "=" + token;
    }

    private static boolean wanted(State state, String kind) {
        var changeType = state.changeType();
        return changeType == null
                || changeType.isBlank()
                || List.of(changeType.split(",")).contains(kind);
    }

    private static int intOr(@Nullable String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private record Item(
            long seq,
            @Nullable StoredMessage message,
            @Nullable Tombstone tombstone) {
        Map<String, Object> render(java.util.@Nullable Set<String> select, MessageJson.Options options) {
            if (message != null) {
                return MessageJson.message(message, select, options);
            }
            var t = java.util.Objects.requireNonNull(tombstone);
            var removed = new LinkedHashMap<String, Object>();
            removed.put("@odata.type", "#microsoft.graph.message");
            removed.put("id", options.immutableIds() ? t.immutableId() : t.restId());
            removed.put("@removed", Map.of("reason", "deleted"));
            return removed;
        }
    }
}
