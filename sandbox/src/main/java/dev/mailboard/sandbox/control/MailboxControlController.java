package dev.mailboard.sandbox.control;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Control API for mailboxes and their mail: create, deliver, move, delete, list and see what was sent. */
@RestController
final class MailboxControlController {

    private final Mailboxes mailboxes;
    private final MailStore store;
    private final MailDrop drop;
    private final SandboxJson json;
    private final ControlResponses responses;
    private final AutoResponder responder;

    MailboxControlController(Mailboxes mailboxes, MailStore store, SandboxJson json, AutoResponder responder) {
        this.mailboxes = mailboxes;
        this.responder = responder;
        this.store = store;
        this.drop = new MailDrop(store);
        this.json = json;
        this.responses = new ControlResponses(json);
    }

    @PostMapping("/sandbox/mailboxes")
    ResponseEntity<String> create(@RequestBody(required = false) @Nullable String body) {
        var node = json.read(body == null ? "" : body);
        var address = node.path("address").asString("");
        if (!address.contains("@")) {
            throw new ControlException(400, "'address' must be a mail address");
        }
        var mailbox = mailboxes
                .create(address, node.path("displayName").asString(address))
                .orElseThrow(() -> new ControlException(409, "mailbox " + address + " exists"));
        return responses.json(201, view(mailbox));
    }

    @GetMapping("/sandbox/mailboxes")
    ResponseEntity<String> list() {
        return responses.json(200, mailboxes.all().stream().map(this::view).toList());
    }

    @PostMapping("/sandbox/mailboxes/{address}/messages")
    ResponseEntity<String> deliver(@PathVariable String address, @RequestBody String body) {
        var mailbox = mailbox(address);
        var message = drop.deliver(mailbox, json.read(body));
        return responses.json(201, ControlResponses.message(message, folderName(mailbox, message.folderId())));
    }

    @GetMapping("/sandbox/mailboxes/{address}/messages")
    ResponseEntity<String> messages(@PathVariable String address) {
        var mailbox = mailbox(address);
        return responses.json(
                200,
                store.inMailbox(mailbox.id())
                        .sorted(java.util.Comparator.comparing(dev.mailboard.sandbox.store.StoredMessage::seq)
                                .reversed())
                        .map(m -> ControlResponses.message(m, folderName(mailbox, m.folderId())))
                        .toList());
    }

    @PostMapping("/sandbox/mailboxes/{address}/messages/{id}/move")
    ResponseEntity<String> move(@PathVariable String address, @PathVariable String id, @RequestBody String body) {
        var mailbox = mailbox(address);
        var name = json.read(body).path("folder").asString("");
        var folder = mailbox.folder(name).orElseThrow(() -> new ControlException(400, "unknown folder '" + name + "'"));
        owned(mailbox, id);
        var moved = store.move(id, folder.id()).orElseThrow(() -> new ControlException(404, "no message " + id));
        return responses.json(200, ControlResponses.message(moved, folder.wellKnownName()));
    }

    @DeleteMapping("/sandbox/mailboxes/{address}/messages/{id}")
    ResponseEntity<String> delete(@PathVariable String address, @PathVariable String id) {
        owned(mailbox(address), id);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/mailboxes/{address}/sent")
    ResponseEntity<String> sent(@PathVariable String address) {
        return responses.json(
                200,
                store.sentBy(mailbox(address).id()).stream()
                        .map(ControlResponses::sent)
                        .toList());
    }

    @PutMapping("/sandbox/mailboxes/{address}/auto-reply")
    ResponseEntity<String> autoReply(@PathVariable String address, @RequestBody String body) {
        var mailbox = mailbox(address);
        var node = json.read(body);
        var mode = AutoResponder.Mode.of(node.path("mode").asString("out-of-office"))
                .orElseThrow(() -> new ControlException(400, "'mode' must be out-of-office or naive"));
        var text = node.path("text").asString("I am away and will answer when I am back.");
        var subject = node.path("subject").asString("Automatic reply");
        if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new ControlException(400, "'subject' must be one line of text");
        }
        responder.set(mailbox, new AutoResponder.Setting(mode, subject, text));
        return responses.json(200, autoReplyView(mailbox));
    }

    @GetMapping("/sandbox/mailboxes/{address}/auto-reply")
    ResponseEntity<String> autoReply(@PathVariable String address) {
        var mailbox = mailbox(address);
        if (responder.setting(mailbox).isEmpty()) {
            throw new ControlException(404, "no auto-reply for " + address);
        }
        return responses.json(200, autoReplyView(mailbox));
    }

    @DeleteMapping("/sandbox/mailboxes/{address}/auto-reply")
    ResponseEntity<String> stopAutoReply(@PathVariable String address) {
        responder.clear(mailbox(address));
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> autoReplyView(Mailbox mailbox) {
        var setting = responder.setting(mailbox).orElseThrow();
        var out = new LinkedHashMap<String, Object>();
        out.put("mode", setting.mode().code());
        out.put("subject", setting.subject());
        out.put("text", setting.text());
        out.put("replies", responder.replies(mailbox));
        return out;
    }

    @ExceptionHandler(ControlException.class)
    ResponseEntity<String> failed(ControlException e) {
        return responses.error(e);
    }

    private void owned(Mailbox mailbox, String id) {
        var unused = store.find(id)
                .filter(m -> m.mailboxId().equals(mailbox.id()))
                .orElseThrow(() -> new ControlException(404, "no message " + id + " in " + mailbox.address()));
    }

    private Mailbox mailbox(String address) {
        return mailboxes.find(address).orElseThrow(() -> new ControlException(404, "no mailbox " + address));
    }

    private static String folderName(Mailbox mailbox, String folderId) {
        return mailbox.folders().stream()
                .filter(f -> f.id().equals(folderId))
                .map(f -> f.wellKnownName())
                .findFirst()
                .orElse(folderId);
    }

    private Map<String, Object> view(Mailbox mailbox) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", mailbox.id());
        out.put("address", mailbox.address());
        out.put("displayName", mailbox.displayName());
        out.put("messageCount", store.inMailbox(mailbox.id()).count());
        return out;
    }
}
