package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphMailIntegrationTests extends SandboxIntegrationTest {

    private static final String IMMUTABLE = "IdType=\"ImmutableId\"";

    @Test
    void servesMeFoldersAndMessagesAsGraphDoes() {
        var address = uniqueAddress("reader");
        var userId = oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var id = deliver(address, "Order 1");

        var me = http.get("/sandbox/graph/v1.0/me", "Authorization", token).json();
        assertThat(me.path("mail").asString()).isEqualTo(address);
        assertThat(me.path("userPrincipalName").asString()).isEqualTo(address);
        assertThat(me.path("id").asString()).isEqualTo(userId);
        assertThat(me.path("@odata.context").asString()).contains("$metadata#users/$entity");

        var inbox = http.get("/sandbox/graph/v1.0/me/mailFolders/inbox?$select=id", "Authorization", token)
                .json();
        var inboxUpper = http.get("/sandbox/graph/v1.0/me/mailFolders('Inbox')", "Authorization", token)
                .json();
        assertThat(inboxUpper.path("id").asString()).isEqualTo(inbox.path("id").asString());
        assertThat(inbox.has("displayName")).isFalse();

        var select = "id,parentFolderId,subject,from,sender,toRecipients,ccRecipients,receivedDateTime,"
                + "internetMessageId,conversationId,internetMessageHeaders,uniqueBody,body,hasAttachments,importance";
        var message = http.get(
                        "/sandbox/graph/v1.0/users/" + userId + "/messages/" + id + "?$select=" + select,
                        "Authorization",
                        token,
                        "Prefer",
                        IMMUTABLE)
                .json();
        assertThat(message.path("id").asString()).isEqualTo(id);
        assertThat(message.path("parentFolderId").asString())
                .isEqualTo(inbox.path("id").asString());
        assertThat(message.path("from").path("emailAddress").path("address").asString())
                .isEqualTo("alice@example.com");
        assertThat(message.path("body").path("contentType").asString()).isEqualTo("html");
        assertThat(message.path("uniqueBody").has("content")).isTrue();
        assertThat(message.path("internetMessageHeaders").toString()).contains("X-Ticket", "Message-ID");
        assertThat(message.path("receivedDateTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(message.has("isRead")).isFalse();

        var plain = http.get("/sandbox/graph/v1.0/me/messages/" + id, "Authorization", token, "Prefer", IMMUTABLE)
                .json();
        assertThat(plain.has("internetMessageHeaders")).as("only when selected").isFalse();
        assertThat(plain.has("uniqueBody")).isFalse();
        assertThat(plain.path("bodyPreview").asString()).isEqualTo("Hello there");
        assertThat(plain.path("@odata.etag").asString()).startsWith("W/\"");
    }

    @Test
    void listsWithTopOrderFilterAndNextLink() {
        var address = uniqueAddress("lister");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        for (int i = 0; i < 12; i++) {
            deliver(address, "Mail " + i);
        }
        var page = http.get("/sandbox/graph/v1.0/me/mailFolders/Inbox/messages", "Authorization", token)
                .json();
        assertThat(page.path("value").size()).isEqualTo(10);
        var next = page.path("@odata.nextLink").asString();
        assertThat(next)
                .startsWith("http://localhost:" + port + "/sandbox/graph/v1.0/")
                .contains("$skip=10");
        assertThat(http.get(next, "Authorization", token).json().path("value").size())
                .isEqualTo(2);

        var top = http.get(
                        "/sandbox/graph/v1.0/me/mailFolders/inbox/messages?$top=3&$select=subject"
                                + "&$orderby=receivedDateTime%20desc&$filter=receivedDateTime%20ge%202020-01-01T00:00:00Z",
                        "Authorization", token)
                .json();
        assertThat(top.path("value").size()).isEqualTo(3);
        assertThat(top.path("value").get(0).path("subject").asString()).isEqualTo("Mail 11");
        assertThat(top.path("value").get(0).has("from")).isFalse();

        var tooMany = http.get("/sandbox/graph/v1.0/me/messages?$top=1001", "Authorization", token);
        assertGraphError(tooMany, 400, "BadRequest");
        var inefficient = http.get(
                "/sandbox/graph/v1.0/me/messages?$filter=isRead%20eq%20false" + "&$orderby=receivedDateTime%20desc",
                "Authorization", token);
        assertGraphError(inefficient, 400, "InefficientFilter");
    }

    @Test
    void idsChangeOnMoveUnlessImmutableAndGoneIdsAre404() {
        var address = uniqueAddress("mover");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var immutable = deliver(address, "Move me");
        var restId = http.get("/sandbox/graph/v1.0/me/messages/" + immutable + "?$select=id", "Authorization", token)
                .json()
                .path("id")
                .asString();
        assertThat(restId).isNotEqualTo(immutable);

        http.post("/sandbox/mailboxes/" + address + "/messages/" + immutable + "/move", "{\"folder\":\"archive\"}");
        assertGraphError(
                http.get("/sandbox/graph/v1.0/me/messages/" + restId, "Authorization", token),
                404,
                "ErrorItemNotFound");
        var moved =
                http.get("/sandbox/graph/v1.0/me/messages/" + immutable, "Authorization", token, "Prefer", IMMUTABLE);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("id").asString()).isEqualTo(immutable);

        assertThat(http.send("DELETE", "/sandbox/mailboxes/" + address + "/messages/" + immutable, null)
                        .status())
                .isEqualTo(204);
        assertGraphError(
                http.get("/sandbox/graph/v1.0/me/messages/" + immutable, "Authorization", token),
                404,
                "ErrorItemNotFound");
    }

    @Test
    void enforcesScopes() {
        var address = uniqueAddress("scoped");
        oauth.createMailbox(address);
        var id = deliver(address, "Scoped");
        var basic = bearer(oauth.accessToken(address, "User.Read Mail.ReadBasic"));
        var message = http.get("/sandbox/graph/v1.0/me/messages/" + id, "Authorization", basic)
                .json();
        assertThat(message.has("subject")).isTrue();
        assertThat(message.has("body")).isFalse();
        assertThat(message.has("bodyPreview")).isFalse();
        assertGraphError(
                http.get("/sandbox/graph/v1.0/me/messages/" + id + "/attachments", "Authorization", basic),
                403,
                "ErrorAccessDenied");
        assertGraphError(
                http.post("/sandbox/graph/v1.0/me/sendMail", "{}", "Authorization", basic), 403, "ErrorAccessDenied");

        var profileOnly = bearer(oauth.accessToken(address, "User.Read"));
        assertGraphError(
                http.get("/sandbox/graph/v1.0/me/messages/" + id, "Authorization", profileOnly),
                403,
                "ErrorAccessDenied");
        assertGraphError(http.get("/sandbox/graph/v1.0/me/messages"), 401, "InvalidAuthenticationToken");
        assertGraphError(
                http.get("/sandbox/graph/v1.0/me/messages", "Authorization", "Bearer junk"),
                401,
                "InvalidAuthenticationToken");
    }

    @Test
    void returnsAttachments() {
        var address = uniqueAddress("attach");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var created = http.post(
                "/sandbox/mailboxes/" + address + "/messages",
                SandboxHttp.json(Map.of(
                        "from",
                        Map.of("name", "Bob", "address", "bob@example.com"),
                        "subject",
                        "With file",
                        "bodyText",
                        "see attached",
                        "attachments",
                        List.of(Map.of("name", "a.txt", "contentType", "text/plain", "contentBase64", "aGVsbG8=")))));
        var id = created.json().path("id").asString();
        var list = http.get("/sandbox/graph/v1.0/me/messages/" + id + "/attachments", "Authorization", token)
                .json();
        var first = list.path("value").get(0);
        assertThat(first.path("@odata.type").asString()).isEqualTo("#microsoft.graph.fileAttachment");
        assertThat(first.path("name").asString()).isEqualTo("a.txt");
        assertThat(first.path("contentBytes").asString()).isEqualTo("aGVsbG8=");
        assertThat(first.path("size").asInt()).isEqualTo(5);
    }

    @Test
    void sendsMailRepliesAndDrafts() {
        var sender = uniqueAddress("sender");
        var receiver = uniqueAddress("receiver");
        oauth.createMailbox(sender);
        oauth.createMailbox(receiver);
        var token = bearer(oauth.accessToken(sender, MAIL_SCOPES + " Mail.ReadWrite"));
        var mail = SandboxHttp.json(Map.of(
                "message",
                Map.of(
                        "subject",
                        "Hi",
                        "body",
                        Map.of("contentType", "Text", "content", "Hello"),
                        "toRecipients",
                        List.of(
                                Map.of("emailAddress", Map.of("address", receiver)),
                                Map.of("emailAddress", Map.of("address", "outsider@example.com"))))));
        var sent = http.post("/sandbox/graph/v1.0/me/sendMail", mail, "Authorization", token);
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body()).isEmpty();
        var log = http.get("/sandbox/mailboxes/" + sender + "/sent").json();
        assertThat(log.get(0).path("deliveredTo").toString()).contains(receiver);
        assertThat(log.get(0).path("external").toString()).contains("outsider@example.com");
        var inbox = http.get("/sandbox/mailboxes/" + receiver + "/messages").json();
        assertThat(inbox.get(0).path("subject").asString()).isEqualTo("Hi");
        assertThat(inbox.get(0).path("folder").asString()).isEqualTo("inbox");

        var original = deliver(sender, "Question");
        var reply = http.post(
                "/sandbox/graph/v1.0/me/messages/" + original + "/reply",
                "{\"comment\":\"Answer\"}",
                "Authorization",
                token);
        assertThat(reply.status()).isEqualTo(202);
        var replied = http.get("/sandbox/mailboxes/" + sender + "/sent").json().get(0);
        assertThat(replied.path("subject").asString()).isEqualTo("RE: Question");
        assertThat(replied.path("to").toString()).contains("alice@example.com");
        assertThat(replied.path("headers").toString()).contains("In-Reply-To");

        var draft = http.post(
                "/sandbox/graph/v1.0/me/messages",
                SandboxHttp.json(Map.of(
                        "subject",
                        "Draft",
                        "toRecipients",
                        List.of(Map.of("emailAddress", Map.of("address", receiver))))),
                "Authorization",
                token,
                "Prefer",
                IMMUTABLE);
        assertThat(draft.status()).isEqualTo(201);
        var draftId = draft.json().path("id").asString();
        assertThat(http.post("/sandbox/graph/v1.0/me/messages/" + draftId + "/send", "", "Authorization", token)
                        .status())
                .isEqualTo(202);
        var inSent = http.get(
                        "/sandbox/graph/v1.0/me/messages/" + draftId + "?$select=parentFolderId,isDraft",
                        "Authorization",
                        token,
                        "Prefer",
                        IMMUTABLE)
                .json();
        var sentItems = http.get("/sandbox/graph/v1.0/me/mailFolders/sentitems", "Authorization", token)
                .json();
        assertThat(inSent.path("parentFolderId").asString())
                .isEqualTo(sentItems.path("id").asString());
        assertThat(inSent.path("isDraft").asBoolean()).isFalse();
    }

    @Test
    void batchesAtMostTwentyRequestsWithPerRequestStatuses() {
        var address = uniqueAddress("batch");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var id = deliver(address, "Batched");
        var batch = SandboxHttp.json(Map.of(
                "requests",
                List.of(
                        Map.of(
                                "id",
                                "1",
                                "method",
                                "GET",
                                "url",
                                "/me/messages/" + id + "?$select=subject",
                                "headers",
                                Map.of("Prefer", IMMUTABLE)),
                        Map.of("id", "2", "method", "GET", "url", "/me/messages/missing"),
                        Map.of("id", "3", "method", "GET", "url", "/me", "dependsOn", List.of("2")))));
        var answer = http.post("/sandbox/graph/v1.0/$batch", batch, "Authorization", token);
        assertThat(answer.status()).isEqualTo(200);
        var responses = answer.json().path("responses");
        assertThat(responses.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(responses.get(0).path("body").path("subject").asString()).isEqualTo("Batched");
        assertThat(responses.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(responses.get(1).path("body").path("error").path("code").asString())
                .isEqualTo("ErrorItemNotFound");
        assertThat(responses.get(2).path("status").asInt()).isEqualTo(424);

        var many = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("id", Integer.toString(i), "method", "GET", "url", "/me"));
        }
        assertGraphError(
                http.post(
                        "/sandbox/graph/v1.0/$batch",
                        SandboxHttp.json(Map.of("requests", many)),
                        "Authorization",
                        token),
                400,
                "BadRequest");
    }

    static void assertGraphError(SandboxHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        var error = answer.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("innerError").has("date")).isTrue();
        assertThat(error.path("innerError").has("request-id")).isTrue();
        assertThat(error.path("innerError").has("client-request-id")).isTrue();
    }
}
