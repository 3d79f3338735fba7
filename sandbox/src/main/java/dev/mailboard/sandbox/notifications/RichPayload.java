package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.StoredMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The resource data of a rich notification: the {@code $select}ed properties of a message, each with its
 * {@code @odata.type} annotation where it is not a plain string, number or boolean.
 */
final class RichPayload {

    private record Field(String name, @Nullable String type, Function<StoredMessage, Object> value) {}

    private static final String RECIPIENT = "#microsoft.graph.recipient";
    private static final String RECIPIENTS = "#Collection(microsoft.graph.recipient)";
    private static final String TIME = "#DateTimeOffset";

    private static final List<Field> FIELDS = List.of(
            new Field("createdDateTime", TIME, m -> time(m.createdAt())),
            new Field("lastModifiedDateTime", TIME, m -> time(m.modifiedAt())),
            new Field("changeKey", null, StoredMessage::changeKey),
            new Field("receivedDateTime", TIME, m -> time(m.receivedAt())),
            new Field("sentDateTime", TIME, m -> time(m.content().sentAt())),
            new Field("hasAttachments", null, m -> !m.content().attachments().isEmpty()),
            new Field("internetMessageId", null, m -> m.content().internetMessageId()),
            new Field("subject", null, m -> m.content().subject()),
            new Field("bodyPreview", null, RichPayload::preview),
            new Field(
                    "importance",
                    "#microsoft.graph.importance",
                    m -> m.content().importance()),
            new Field("parentFolderId", null, StoredMessage::folderId),
            new Field("conversationId", null, m -> m.content().conversationId()),
            new Field("isRead", null, StoredMessage::isRead),
            new Field("isDraft", null, StoredMessage::isDraft),
            new Field("sender", RECIPIENT, m -> recipient(m.content().sender())),
            new Field("from", RECIPIENT, m -> recipient(m.content().from())),
            new Field("toRecipients", RECIPIENTS, m -> recipients(m.content().to())),
            new Field("ccRecipients", RECIPIENTS, m -> recipients(m.content().cc())),
            new Field("bccRecipients", RECIPIENTS, m -> recipients(m.content().bcc())),
            new Field("replyTo", RECIPIENTS, m -> recipients(m.content().replyTo())));

    private RichPayload() {}

    /** The message's selected properties; without a selection, every listed property. */
    static Map<String, Object> of(StoredMessage m, String id, String odataId, @Nullable List<String> select) {
        var out = new LinkedHashMap<String, Object>();
        out.put("@odata.type", "#microsoft.graph.message");
        out.put("@odata.id", odataId);
        out.put("@odata.etag", "W/\"" + m.changeKey() + "\"");
        out.put("id", id);
        for (var field : FIELDS) {
            if (select == null || select.contains(field.name().toLowerCase(Locale.ROOT))) {
                if (field.type() != null) {
                    out.put(field.name() + "@odata.type", field.type());
                }
                out.put(field.name(), field.value().apply(m));
            }
        }
        return out;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> recipient(Recipient r) {
        return Map.of("emailAddress", Map.of("name", r.name(), "address", r.address()));
    }

    private static List<Map<String, Object>> recipients(List<Recipient> list) {
        return list.stream().map(RichPayload::recipient).toList();
    }

    private static String preview(StoredMessage m) {
        var body = m.content().body();
        var text = "html".equals(m.content().bodyType())
                ? HtmlUtils.htmlUnescape(body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                        .replaceAll("<[^>]*>", " "))
                : body;
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
