package dev.mailboard.app.boards;

import static dev.mailboard.app.boards.BoardFixtures.json;
import static dev.mailboard.app.boards.BoardFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.text.RichText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/** Updates and files through the REST API, and the integration actor through the facade. */
@MailboardIntegrationTest
class BoardUpdatesAndFilesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    JdbcClient jdbc;

    @Value("${mailboard.boards.files-dir}")
    Path filesDir;

    @Value("${mailboard.boards.max-file-size}")
    DataSize maxFileSize;

    private BoardFixtures.Person owner;
    private ItemView item;

    @BeforeEach
    void item() {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        owner = fixtures.person(fixtures.account(), "owner", Role.MEMBER);
        BoardView board = boards.createBoard(owner.actor(), new NewBoard("Files", ""));
        item = boards.createItem(owner.actor(), NewItem.named(board.id(), "Contract"));
    }

    @Test
    void postsSanitizedUpdatesAndListsThemNewestFirst() {
        String path = "/api/v1/items/" + item.id() + "/updates";
        HttpResponse<String> posted = owner.post(
                path,
                "{\"body\":"
                        + quote(
                                "<p>Hello <strong>team</strong> <a href=\"https://example.com\" onclick=\"x()\">docs</a>"
                                        + "<script>alert(1)</script><img src=x onerror=alert(2)></p>")
                        + "}");
        assertThat(posted.statusCode()).isEqualTo(201);
        String body = json(posted).get("body").asString();
        assertThat(body).contains("<strong>team</strong>").contains("href=\"https://example.com\"");
        assertThat(body)
                .doesNotContain("script")
                .doesNotContain("onclick")
                .doesNotContain("onerror")
                .doesNotContain("<img");
        owner.post(path, "{\"body\":\"<p>second</p>\"}");

        JsonNode updates = json(owner.get(path));
        assertThat(updates.size()).isEqualTo(2);
        assertThat(updates.get(0).get("body").asString()).isEqualTo("<p>second</p>");
        assertThat(updates.get(0).get("author").get("name").asString())
                .isEqualTo(owner.user().displayName());
        HttpResponse<String> empty = owner.post(path, "{\"body\":\"<script>only()</script>\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("detail").asString()).contains("empty");
    }

    @Test
    void uploadsListsAndDownloadsFilesSafely() {
        byte[] bytes = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = Uploads.upload(
                owner.client(), "/api/v1/items/" + item.id() + "/files", "page.html", "text/html", bytes);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode file = json(uploaded);
        assertThat(file.get("contentType").asString()).isEqualTo("application/octet-stream");
        assertThat(file.get("size").asLong()).isEqualTo(bytes.length);

        HttpResponse<String> download =
                owner.get("/api/v1/files/" + file.get("id").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("page.html"));
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(owner.get("/api/v1/files/" + file.get("id").asString() + "/preview")
                        .statusCode())
                .isEqualTo(404);

        JsonNode listed = json(owner.get("/api/v1/items/" + item.id() + "/files"));
        assertThat(listed.findValuesAsString("fileName")).containsExactly("page.html");
        assertThat(json(owner.get("/api/v1/items/" + item.id()))
                        .get("fileCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void showsImagesInlineOnlyAsImages() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        JsonNode file = json(
                Uploads.upload(owner.client(), "/api/v1/items/" + item.id() + "/files", "logo.png", "image/png", png));
        HttpResponse<String> preview =
                owner.get("/api/v1/files/" + file.get("id").asString() + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(preview.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(preview.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void refusesAFileOverTheLimitWith413AndStoresNothing() throws IOException {
        long rowsBefore = fileRows();
        long filesBefore = storedFiles();
        byte[] tooLarge = new byte[(int) maxFileSize.toBytes() + 1];

        HttpResponse<String> response = Uploads.upload(
                owner.client(),
                "/api/v1/items/" + item.id() + "/files",
                "big.bin",
                "application/octet-stream",
                tooLarge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("detail").asString())
                .contains("larger than the limit")
                .contains("nothing");
        assertThat(fileRows()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void theItemPageUploadAnswers413WithAReadableNoticeAndStoresNothing() throws IOException {
        long rowsBefore = fileRows();
        String path = "/boards/" + item.boardId() + "/items/" + item.id().value() + "/files";

        HttpResponse<String> tooLarge = Uploads.upload(
                owner.client(),
                path,
                "big.bin",
                "application/octet-stream",
                new byte[(int) maxFileSize.toBytes() + 1],
                "HX-Request",
                "true");
        HttpResponse<String> small = Uploads.upload(
                owner.client(), path, "notes.txt", "text/plain", new byte[] {'h', 'i'}, "HX-Request", "true");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than the limit");
        assertThat(small.statusCode()).isEqualTo(204);
        assertThat(small.headers().firstValue("HX-Refresh")).contains("true");
        assertThat(fileRows()).isEqualTo(rowsBefore + 1);
    }

    @Test
    void letsAnIntegrationCreateItemsPostUpdatesAndAttachFilesViaEmail() {
        Actor integration = Actor.integration(owner.user().id(), "Support inbox", "alice@example.com");
        ItemView created = boards.createItem(integration, NewItem.named(item.boardId(), "Printer on fire"));
        UpdateView update = boards.postUpdate(integration, created.id(), RichText.fromPlainText("Help <b>now</b>"));
        FileView file = boards.attachFile(
                integration, created.id(), update.id(), "photo.jpg", "image/jpeg", new ByteArrayInputStream(new byte[] {
                    1, 2, 3
                }));

        JsonNode api = json(owner.get("/api/v1/items/" + created.id()));
        assertThat(api.get("createdBy").get("kind").asString()).isEqualTo("integration");
        assertThat(api.get("createdBy").get("sourceEmail").asString()).isEqualTo("alice@example.com");
        assertThat(created.createdBy().label()).isEqualTo("via email from alice@example.com");
        assertThat(update.body()).isEqualTo("<p>Help &lt;b&gt;now&lt;/b&gt;</p>");
        JsonNode updates = json(owner.get("/api/v1/items/" + created.id() + "/updates"));
        assertThat(updates.get(0).get("author").get("sourceEmail").asString()).isEqualTo("alice@example.com");
        assertThat(updates.get(0).get("files").get(0).get("id").asString())
                .isEqualTo(file.id().toString());
    }

    private long fileRows() {
        return jdbc.sql("select count(*) from item_file where item_id = ?")
                .param(item.id().value())
                .query(Long.class)
                .single();
    }

    private long storedFiles() throws IOException {
        if (!Files.exists(filesDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(filesDir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
