package dev.mailboard.sandbox.control;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.store.SentRecord;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** JSON answers of the control API, written with the sandbox's own mapper. */
final class ControlResponses {

    private final SandboxJson json;

    ControlResponses(SandboxJson json) {
        this.json = json;
    }

    ResponseEntity<String> json(int status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.write(body));
    }

    ResponseEntity<String> error(ControlException e) {
        return json(e.status(), Map.of("error", String.valueOf(e.getMessage())));
    }

    static Map<String, Object> message(StoredMessage m, String folderName) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", m.immutableId());
        out.put("restId", m.restId());
        out.put("folder", folderName);
        out.put("subject", m.content().subject());
        out.put("from", m.content().from().address());
        out.put("internetMessageId", m.content().internetMessageId());
        out.put("conversationId", m.content().conversationId());
        out.put("receivedDateTime", m.receivedAt().toString());
        out.put("isRead", m.isRead());
        return out;
    }

    static Map<String, Object> sent(SentRecord s) {
        var c = s.content();
        var out = new LinkedHashMap<String, Object>();
        out.put("id", s.messageId());
        out.put("sentDateTime", s.sentAt().toString());
        out.put("subject", c.subject());
        out.put("to", c.to().stream().map(r -> r.address()).toList());
        out.put("cc", c.cc().stream().map(r -> r.address()).toList());
        out.put("bcc", c.bcc().stream().map(r -> r.address()).toList());
        out.put("deliveredTo", s.deliveredTo());
        out.put("external", s.external());
        out.put("internetMessageId", c.internetMessageId());
        out.put("conversationId", c.conversationId());
        out.put("bodyType", c.bodyType());
        out.put("body", c.body());
        out.put(
                "headers",
                c.headers().stream()
                        .map(h -> Map.of("name", h.name(), "value", h.value()))
                        .toList());
        out.put("attachments", c.attachments().stream().map(a -> a.name()).toList());
        return out;
    }
}
