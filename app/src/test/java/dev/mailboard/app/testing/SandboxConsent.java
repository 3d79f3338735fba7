package dev.mailboard.app.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the embedded Microsoft sandbox over HTTP for tests: creates mailboxes and messages through its
 * control API, and answers its consent page (Accept or Cancel) the way a browser would.
 */
public final class SandboxConsent {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">");

    private SandboxConsent() {}

    /**
     * Creates a sandbox mailbox.
     *
     * @param client any client
     * @param address the address
     */
    public static void createMailbox(TestClient client, String address) {
        HttpResponse<String> response = client.json(
                "POST",
                "/sandbox/mailboxes",
                "{\"address\":\"" + address + "\",\"displayName\":\"Test " + address + "\"}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating sandbox mailbox failed: " + response.statusCode());
        }
    }

    /**
     * Puts a message into a mailbox's Inbox.
     *
     * @param client any client
     * @param address the mailbox
     * @param subject its subject
     * @return the control API's answer (JSON with the message's ids)
     */
    public static String deliver(TestClient client, String address, String subject) {
        String json = "{\"from\":{\"name\":\"Sender\",\"address\":\"sender@example.test\"},\"to\":[\"" + address
                + "\"],\"subject\":\"" + subject + "\",\"bodyText\":\"body of " + subject + "\"}";
        HttpResponse<String> response = client.json("POST", "/sandbox/mailboxes/" + address + "/messages", json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Delivering failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * Presses "Connect Outlook" and returns where Mailboard sends the browser.
     *
     * @param user a signed-in client
     * @return the provider's authorization URL
     */
    public static URI startConnect(TestClient user) {
        HttpResponse<String> response = user.postForm("/integrations/connect", Map.of());
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Opens the consent page and presses Accept or Cancel.
     *
     * @param client the client (its cookies do not matter to the sandbox)
     * @param authorizeUrl the authorization URL
     * @param login the sandbox mailbox to sign in as
     * @param accept Accept, else Cancel
     * @return the redirect back to Mailboard (the callback URL with code or error, and state)
     */
    public static URI decide(TestClient client, URI authorizeUrl, String login, boolean accept) {
        String page = client.send(HttpRequest.newBuilder(authorizeUrl).GET()).body();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        Matcher action = ACTION.matcher(page);
        if (!action.find()) {
            throw new IllegalStateException("No consent form on the sandbox page: " + page);
        }
        form.put("login", login);
        form.put("decision", accept ? "accept" : "cancel");
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(authorizeUrl.resolve(unescape(action.group(1))))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        return URI.create(response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "The sandbox did not redirect: " + response.statusCode() + " " + response.body())));
    }

    /**
     * Follows the redirect back to Mailboard's callback with the user's session.
     *
     * @param user the signed-in client that started the flow (or another, to test foreign sessions)
     * @param callback the callback URL
     * @return Mailboard's answer (a redirect to the return target)
     */
    public static HttpResponse<String> callback(TestClient user, URI callback) {
        return user.send(HttpRequest.newBuilder(callback).GET());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
