package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.store.Attachment;
import dev.mailboard.sandbox.store.Folder;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.StoredMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** Renders messages, folders, attachments and users with Graph's field names. */
final class MessageJson {

    private static final Set<String> SELECT_ONLY = Set.of("internetmessageheaders", "uniquebody");
    private static final Set<String> BODY_FIELDS = Set.of("body", "bodypreview", "uniquebody");

    /** How to render: id format, body format, and whether the caller may see bodies. */
    record Options(boolean immutableIds, @Nullable String bodyType, boolean basicOnly) {}

    private MessageJson() {}

    static Map<String, Object> message(StoredMessage m, @Nullable Set<String> select, Options options) {
        var c = m.content();
        var out = new LinkedHashMap<String, Object>();
        out.put("@odata.etag", "W/\"" + changeKey(m) + "\"");
        out.put("id", m.id(options.immutableIds()));
        put(out, select, options, "createdDateTime", () -> time(m.createdAt()));
        put(out, select, options, "lastModifiedDateTime", () -> time(m.modifiedAt()));
        put(out, select, options, "changeKey", () -> changeKey(m));
        put(out, select, options, "categories", List::of);
        put(out, select, options, "receivedDateTime", () -> time(m.receivedAt()));
        put(out, select, options, "sentDateTime", () -> time(c.sentAt()));
        put(out, select, options, "hasAttachments", () -> !c.attachments().isEmpty());
        put(out, select, options, "internetMessageId", c::internetMessageId);
        put(out, select, options, "subject", c::subject);
        put(out, select, options, "bodyPreview", () -> preview(c.bodyType(), c.body()));
        put(out, select, options, "importance", c::importance);
        put(out, select, options, "parentFolderId", m::folderId);
        put(out, select, options, "conversationId", c::conversationId);
        put(out, select, options, "isDeliveryReceiptRequested", () -> false);
        put(out, select, options, "isReadReceiptRequested", () -> false);
        put(out, select, options, "isRead", m::isRead);
        put(out, select, options, "isDraft", m::isDraft);
        put(
                out,
                select,
                options,
                "webLink",
                () -> "https://outlook.office365.com/owa/?ItemID=" + m.restId()
                        + "&exvsurl=1&viewmodel=ReadMessageItem");
        put(out, select, options, "inferenceClassification", () -> "focused");
        put(out, select, options, "body", () -> body(c.bodyType(), c.body(), options.bodyType()));
        put(out, select, options, "uniqueBody", () -> body(c.bodyType(), c.body(), options.bodyType()));
        put(out, select, options, "sender", () -> recipient(c.sender()));
        put(out, select, options, "from", () -> recipient(c.from()));
        put(out, select, options, "toRecipients", () -> recipients(c.to()));
        put(out, select, options, "ccRecipients", () -> recipients(c.cc()));
        put(out, select, options, "bccRecipients", () -> recipients(c.bcc()));
        put(out, select, options, "replyTo", () -> recipients(c.replyTo()));
        put(out, select, options, "flag", () -> Map.of("flagStatus", "notFlagged"));
        put(
                out,
                select,
                options,
                "internetMessageHeaders",
                () -> c.headers().stream()
                        .map(h -> Map.of("name", h.name(), "value", h.value()))
                        .toList());
        return out;
    }

    private static void put(
            Map<String, Object> out,
            @Nullable Set<String> select,
            Options options,
            String field,
            Supplier<Object> value) {
        var key = field.toLowerCase(Locale.ROOT);
        if (options.basicOnly() && BODY_FIELDS.contains(key)) {
            return;
        }
        boolean wanted = select == null ? !SELECT_ONLY.contains(key) : select.contains(key);
        if (wanted) {
            out.put(field, value.get());
        }
    }

    static Map<String, Object> folder(Folder folder, Mailbox mailbox, long total, long unread) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", folder.id());
        out.put("displayName", folder.displayName());
        out.put(
                "parentFolderId",
                folder.wellKnownName().equals("msgfolderroot")
                        ? folder.id()
                        : mailbox.wellKnown("msgfolderroot").id());
        out.put(
                "childFolderCount",
                folder.wellKnownName().equals("msgfolderroot")
                        ? mailbox.folders().size() - 1
                        : 0);
        out.put("unreadItemCount", unread);
        out.put("totalItemCount", total);
        out.put("sizeInBytes", 0);
        out.put("isHidden", false);
        return out;
    }

    static Map<String, Object> attachment(Attachment a, boolean withContent) {
        var out = new LinkedHashMap<String, Object>();
        out.put("@odata.type", "#microsoft.graph.fileAttachment");
        out.put("@odata.mediaContentType", a.contentType());
        out.put("id", a.id());
        out.put("lastModifiedDateTime", time(a.lastModified()));
        out.put("name", a.name());
        out.put("contentType", a.contentType());
        out.put("size", a.content().length);
        out.put("isInline", a.isInline());
        out.put("contentId", a.contentId());
        out.put("contentLocation", null);
        if (withContent) {
            out.put("contentBytes", Base64.getEncoder().encodeToString(a.content()));
        }
        return out;
    }

    static Map<String, Object> user(Mailbox mailbox) {
        var out = new LinkedHashMap<String, Object>();
        out.put("businessPhones", List.of());
        out.put("displayName", mailbox.displayName());
        var names = mailbox.displayName().split(" ", 2);
        out.put("givenName", names[0]);
        out.put("jobTitle", null);
        out.put("mail", mailbox.address());
        out.put("mobilePhone", null);
        out.put("officeLocation", null);
        out.put("preferredLanguage", "en-US");
        out.put("surname", names.length > 1 ? names[1] : null);
        out.put("userPrincipalName", mailbox.address());
        out.put("id", mailbox.id());
        return out;
    }

    static Map<String, Object> recipient(Recipient r) {
        return Map.of("emailAddress", Map.of("name", r.name(), "address", r.address()));
    }

    static List<Map<String, Object>> recipients(List<Recipient> list) {
        return list.stream().map(MessageJson::recipient).toList();
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String changeKey(StoredMessage m) {
        return m.changeKey();
    }

    private static Map<String, Object> body(String storedType, String content, @Nullable String wanted) {
        if ("text".equals(wanted) && "html".equals(storedType)) {
            return Map.of("contentType", "text", "content", text(content));
        }
        if ("html".equals(wanted) && "text".equals(storedType)) {
            var html =
                    "<html><body><div>" + HtmlUtils.htmlEscape(content).replace("\n", "<br>") + "</div></body></html>";
            return Map.of("contentType", "html", "content", html);
        }
        return Map.of("contentType", storedType, "content", content);
    }

    private static String preview(String type, String content) {
        var text = ("html".equals(type) ? text(content) : content)
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }

    static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                        .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                        .replaceAll("<[^>]*>", ""))
                .trim();
    }
}
