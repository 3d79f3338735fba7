package dev.mailboard.sandbox.control;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.mailboard.sandbox.notifications.Delivery;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.SubscriptionRecord;
import java.util.List;

/** The sections of the sandbox page, as escaped HTML. */
final class SandboxPageSections {

    static final String CSS = "body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1d21}"
            + "main{max-width:72rem;margin:0 auto;padding:1.5rem}.scroll{overflow-x:auto}h1{font-size:1.6rem}h2{margin-top:2rem}"
            + "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d5d8de;"
            + "padding:.35rem .5rem;text-align:left;font-size:.9rem;vertical-align:top}"
            + "form{background:#fff;padding:1rem;border:1px solid #d5d8de;display:grid;grid-template-columns:minmax(0,1fr);gap:.5rem;max-width:40rem}"
            + "input,select,textarea{max-width:100%}@media (max-width:600px){main{padding:.75rem}}"
            + "label{font-weight:600}input,select,textarea{font:inherit;padding:.35rem}"
            + "button{font:inherit;padding:.45rem 1rem;cursor:pointer}.notice,.problem{padding:.5rem;"
            + "background:#fff4ce;border:1px solid #e0c45c}.scope{font-family:monospace;margin-right:.5rem}"
            + ".buttons{display:flex;gap:.75rem}.note{color:#555;font-size:.85rem}";

    private SandboxPageSections() {}

    static void compose(StringBuilder html, List<Mailbox> mailboxes) {
        html.append("<h2>Compose a mail into a mailbox</h2><form method=\"post\" action=\"/sandbox/page/compose\">")
                .append("<label for=\"mailbox\">To mailbox</label><select id=\"mailbox\" name=\"mailbox\">");
        for (var m : mailboxes) {
            html.append("<option value=\"")
                    .append(htmlEscape(m.address()))
                    .append("\">")
                    .append(htmlEscape(m.displayName() + " <" + m.address() + ">"))
                    .append("</option>");
        }
        html.append(
                        "</select><label for=\"folder\">Folder</label><input id=\"folder\" name=\"folder\" value=\"inbox\">")
                .append("<label for=\"fromName\">From name</label><input id=\"fromName\" name=\"fromName\">")
                .append("<label for=\"fromAddress\">From address</label>")
                .append("<input id=\"fromAddress\" name=\"fromAddress\" type=\"email\" required>")
                .append("<label for=\"subject\">Subject</label><input id=\"subject\" name=\"subject\">")
                .append("<label for=\"body\">Body (text)</label><textarea id=\"body\" name=\"body\" rows=\"5\">")
                .append("</textarea><button type=\"submit\">Deliver</button></form>");
    }

    static void createMailbox(StringBuilder html) {
        html.append("<h2>Create a mailbox</h2><form method=\"post\" action=\"/sandbox/page/mailboxes\">")
                .append("<label for=\"address\">Address</label><input id=\"address\" name=\"address\" type=\"email\"")
                .append(" required><label for=\"displayName\">Display name</label>")
                .append(
                        "<input id=\"displayName\" name=\"displayName\"><button type=\"submit\">Create</button></form>");
    }

    static void mailboxes(StringBuilder html, List<Mailbox> mailboxes, MailStore store) {
        html.append(
                        "<h2>Mailboxes</h2><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Mailboxes\"><table><thead><tr><th>Address</th><th>Name</th><th>User id</th>")
                .append("<th>Messages</th></tr></thead><tbody>");
        for (var m : mailboxes) {
            row(
                    html,
                    m.address(),
                    m.displayName(),
                    m.id(),
                    Long.toString(store.inMailbox(m.id()).count()));
        }
        html.append("</tbody></table></div>");
    }

    static void subscriptions(StringBuilder html, List<SubscriptionRecord> subscriptions) {
        html.append(
                        "<h2>Subscriptions</h2><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Subscriptions\"><table><thead><tr><th>Id</th><th>Resource</th><th>Change types</th>")
                .append("<th>Notification URL</th><th>Expires</th></tr></thead><tbody>");
        for (var s : subscriptions) {
            row(
                    html,
                    s.id(),
                    s.resource(),
                    String.join(",", s.changeTypes()),
                    s.notificationUrl(),
                    s.expirationDateTime().toString());
        }
        html.append("</tbody></table></div>");
    }

    static void deliveries(StringBuilder html, List<Delivery> deliveries) {
        html.append(
                        "<h2>Recent deliveries</h2><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Recent deliveries\"><table><thead><tr><th>At</th><th>Kind</th><th>URL</th>")
                .append("<th>Items</th><th>Attempt</th><th>Status</th><th>ms</th><th>Outcome</th></tr></thead><tbody>");
        deliveries.stream()
                .limit(100)
                .forEach(d -> row(
                        html,
                        d.at().toString(),
                        d.kind(),
                        d.url(),
                        Integer.toString(d.count()),
                        Integer.toString(d.attempt()),
                        Integer.toString(d.status()),
                        Long.toString(d.durationMs()),
                        d.outcome()));
        html.append("</tbody></table></div>");
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (var cell : cells) {
            html.append("<td>").append(htmlEscape(cell)).append("</td>");
        }
        html.append("</tr>");
    }
}
