package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.identity.Caller;
import dev.mailboard.sandbox.store.Folder;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Read-only Graph calls: the user, mail folders, message lists, single messages and attachments. */
final class MessageReads {

    private final MailStore store;
    private final SandboxJson json;

    MessageReads(MailStore store, SandboxJson json) {
        this.store = store;
        this.json = json;
    }

    GraphResponse user(GraphRequest r, Caller caller, Mailbox mailbox) {
        Permissions.requireProfile(caller);
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#users/$entity");
        body.putAll(selected(MessageJson.user(mailbox), r));
        return GraphResponse.json(200, json.write(body));
    }

    GraphResponse folders(GraphRequest r, Caller caller, Mailbox mailbox) {
        Permissions.requireRead(caller);
        var value = mailbox.folders().stream()
                .filter(f -> !f.wellKnownName().equals("msgfolderroot"))
                .map(f -> selected(folderJson(mailbox, f), r))
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')/mailFolders");
        body.put("value", value);
        return GraphResponse.json(200, json.write(body));
    }

    GraphResponse folder(GraphRequest r, Caller caller, Mailbox mailbox, Folder folder) {
        Permissions.requireRead(caller);
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')/mailFolders/$entity");
        body.putAll(selected(folderJson(mailbox, folder), r));
        return GraphResponse.json(200, json.write(body));
    }

    GraphResponse list(GraphRequest r, Caller caller, Mailbox mailbox, @Nullable Folder folder) {
        var options = options(r, Permissions.requireRead(caller));
        var query = ODataQuery.parse(r.query());
        var page = store.inMailbox(mailbox.id())
                .filter(m -> folder == null || m.folderId().equals(folder.id()))
                .filter(query.filter())
                .sorted(query.order())
                .skip(query.skip())
                .limit(query.top() + 1L)
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "@odata.context",
                r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')"
                        + (folder == null ? "" : "/mailFolders('" + folder.id() + "')") + "/messages");
        body.put(
                "value",
                page.stream()
                        .limit(query.top())
                        .map(m -> MessageJson.message(m, query.select(), options))
                        .toList());
        if (page.size() > query.top()) {
            body.put("@odata.nextLink", link(r, Map.of("$skip", Integer.toString(query.skip() + query.top()))));
        }
        return withPreference(GraphResponse.json(200, json.write(body)), r);
    }

    GraphResponse message(GraphRequest r, Caller caller, Mailbox mailbox, StoredMessage message) {
        var options = options(r, Permissions.requireRead(caller));
        var body = new LinkedHashMap<String, Object>();
        body.put("@odata.context", r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')/messages/$entity");
        body.putAll(MessageJson.message(message, ODataQuery.select(r.query().get("$select")), options));
        return withPreference(GraphResponse.json(200, json.write(body)), r);
    }

    GraphResponse attachments(GraphRequest r, Caller caller, Mailbox mailbox, StoredMessage message, int k) {
        Permissions.requireFullRead(caller);
        var attachments = message.content().attachments();
        if (r.segment(k).isEmpty()) {
            var body = new LinkedHashMap<String, Object>();
            body.put(
                    "@odata.context",
                    r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')/messages('"
                            + message.id(r.immutableIds()) + "')/attachments");
            body.put(
                    "value",
                    attachments.stream()
                            .map(a -> MessageJson.attachment(a, true))
                            .toList());
            return GraphResponse.json(200, json.write(body));
        }
        var attachment = attachments.stream()
                .filter(a -> a.id().equals(r.segment(k)))
                .findFirst()
                .orElseThrow(GraphException::notFound);
        if (r.is(k + 1, "$value")) {
            return new GraphResponse(200, new LinkedHashMap<>(), attachment.content(), attachment.contentType());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "@odata.context",
                r.graphBase() + "/v1.0/$metadata#users('" + mailbox.id() + "')/messages('"
                        + message.id(r.immutableIds()) + "')/attachments/$entity");
        body.putAll(MessageJson.attachment(attachment, true));
        return GraphResponse.json(200, json.write(body));
    }

    private Map<String, Object> folderJson(Mailbox mailbox, Folder folder) {
        long[] counts = new long[2];
        store.inMailbox(mailbox.id())
                .filter(m -> m.folderId().equals(folder.id()))
                .forEach(m -> {
                    counts[0]++;
                    counts[1] += m.isRead() ? 0 : 1;
                });
        return MessageJson.folder(folder, mailbox, counts[0], counts[1]);
    }

    static MessageJson.Options options(GraphRequest r, boolean basicOnly) {
        var bodyType = r.prefersTextBody() ? "text" : r.prefersHtmlBody() ? "html" : null;
        return new MessageJson.Options(r.immutableIds(), bodyType, basicOnly);
    }

    static GraphResponse withPreference(GraphResponse response, GraphRequest r) {
        if (r.prefersTextBody()) {
            return response.withHeader("Preference-Applied", "outlook.body-content-type=\"text\"");
        }
        return r.prefersHtmlBody()
                ? response.withHeader("Preference-Applied", "outlook.body-content-type=\"html\"")
                : response;
    }

    static String link(GraphRequest r, Map<String, String> replaced) {
        var builder = UriComponentsBuilder.newInstance();
        r.query().forEach((k, v) -> {
            if (!replaced.containsKey(k)) {
                builder.queryParam(k, v);
            }
        });
        replaced.forEach(builder::queryParam);
        return r.graphBase() + "/v1.0/" + r.path() + "?"
                + builder.build().encode().getQuery();
    }

    private static Map<String, Object> selected(Map<String, Object> full, GraphRequest r) {
        var select = ODataQuery.select(r.query().get("$select"));
        if (select == null) {
            return full;
        }
        var out = new LinkedHashMap<String, Object>();
        full.forEach((k, v) -> {
            if (k.equals("id") || select.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                out.put(k, v);
            }
        });
        return out;
    }
}
