package dev.mailboard.sandbox.control;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.notifications.DeliveryLog;
import dev.mailboard.sandbox.notifications.Subscriptions;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailboxes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's own page: compose mail into a mailbox; see mailboxes, subscriptions and recent deliveries. */
@RestController
final class SandboxPageController {

    private static final String CSP =
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors" + " 'none'; base-uri 'none'";

    private final Mailboxes mailboxes;
    private final MailStore store;
    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final SandboxJson json;

    SandboxPageController(
            Mailboxes mailboxes,
            MailStore store,
            Subscriptions subscriptions,
            DeliveryLog deliveries,
            SandboxJson json) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
    }

    @GetMapping({"/sandbox", "/sandbox/"})
    ResponseEntity<String> page(@RequestParam(required = false, defaultValue = "") String notice) {
        var html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Microsoft sandbox</title>")
                .append("<link rel=\"stylesheet\" href=\"/sandbox/sandbox.css\"></head><body><main>")
                .append("<h1>Microsoft sandbox</h1>");
        if (!notice.isBlank()) {
            html.append("<p class=\"notice\" role=\"status\">")
                    .append(htmlEscape(notice))
                    .append("</p>");
        }
        var all = mailboxes.all();
        if (all.isEmpty()) {
            html.append(
                    "<p>There is no mailbox yet: create one first, then connect it in Mailboard and send it mail.</p>");
            SandboxPageSections.createMailbox(html);
        } else {
            SandboxPageSections.compose(html, all);
            SandboxPageSections.mailboxes(html, all, store);
            SandboxPageSections.createMailbox(html);
        }
        SandboxPageSections.subscriptions(html, subscriptions.all());
        SandboxPageSections.deliveries(html, deliveries.recent());
        html.append("</main></body></html>");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store")
                .body(html.toString());
    }

    @GetMapping(path = "/sandbox/sandbox.css", produces = "text/css")
    ResponseEntity<String> css() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css")).body(SandboxPageSections.CSS);
    }

    @PostMapping(path = "/sandbox/page/mailboxes", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> createMailbox(@RequestParam String address, @RequestParam String displayName) {
        var notice = !address.contains("@")
                ? "Not a mail address: " + address
                : mailboxes
                                .create(address, displayName.isBlank() ? address : displayName)
                                .isPresent()
                        ? "Created mailbox " + address
                        : "Mailbox " + address + " exists";
        return back(notice);
    }

    @PostMapping(path = "/sandbox/page/compose", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> compose(@RequestParam Map<String, String> form) {
        var mailbox = mailboxes.find(form.getOrDefault("mailbox", "")).orElse(null);
        if (mailbox == null) {
            return back("Choose an existing mailbox first.");
        }
        var body = json.mapper().createObjectNode();
        body.putObject("from")
                .put("name", form.getOrDefault("fromName", ""))
                .put("address", form.getOrDefault("fromAddress", ""));
        body.put("subject", form.getOrDefault("subject", ""));
        body.put("bodyText", form.getOrDefault("body", ""));
        body.put("folder", form.getOrDefault("folder", "inbox"));
        try {
            var message = new MailDrop(store).deliver(mailbox, body);
            return back("Delivered message " + message.immutableId() + " to " + mailbox.address());
        } catch (ControlException e) {
            return back("Not delivered: " + e.getMessage());
        }
    }

    private static ResponseEntity<String> back(String notice) {
        var location = org.springframework.web.util.UriComponentsBuilder.fromPath("/sandbox")
                .queryParam("notice", notice)
                .encode()
                .build()
                .toUriString();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header("Location", location)
                .build();
    }
}
