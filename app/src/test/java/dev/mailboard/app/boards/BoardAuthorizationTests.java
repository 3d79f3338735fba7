package dev.mailboard.app.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * S-46: every endpoint and page that takes a board, column, item, update or file id, called by an admin
 * of another account, by a member of the same account who is not on the board, and by a board viewer.
 * The first two get 404, the viewer may read but gets 403 on every write; nothing is written.
 */
@MailboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardAuthorizationTests {

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

    private BoardView board;
    private ColumnView status;
    private ItemView item;
    private UpdateView update;
    private FileView file;
    private String memberId;
    private Map<String, TestClient> intruders;

    @BeforeAll
    void board() {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        AccountId account = fixtures.account();
        BoardFixtures.Person owner = fixtures.person(account, "owner", Role.MEMBER);
        BoardFixtures.Person viewer = fixtures.person(account, "viewer", Role.MEMBER);
        BoardFixtures.Person outsider = fixtures.person(account, "non-member", Role.MEMBER);
        BoardFixtures.Person otherAdmin = fixtures.person(fixtures.account(), "other-admin", Role.ADMIN);
        board = boards.createBoard(owner.actor(), new NewBoard("Secret", ""));
        boards.putMember(owner.actor(), board.id(), viewer.user().id(), BoardRole.VIEWER);
        status = boards.addColumn(
                owner.actor(),
                board.id(),
                new NewColumn(
                        "Status",
                        ColumnType.STATUS,
                        List.of(new StatusLabel("Open", "blue", true), new StatusLabel("Done", "green", false))));
        item = boards.createItem(owner.actor(), NewItem.named(board.id(), "Payroll"));
        update = boards.postUpdate(owner.actor(), item.id(), "<p>salaries</p>");
        file = boards.attachFile(
                owner.actor(), item.id(), null, "a.png", "image/png", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        memberId = viewer.user().id().toString();
        intruders = Map.of(
                "admin of another account", otherAdmin.client(),
                "member without board access", outsider.client(),
                "board viewer", viewer.client());
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointDeniesIntruders() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            intruders.forEach((who, client) -> tests.add(dynamicTest(endpoint.name() + " by " + who, () -> {
                String before = snapshot();
                HttpResponse<String> response = endpoint.call().apply(client);
                int expected = !"board viewer".equals(who) ? 404 : endpoint.write() ? 403 : 200;
                assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
                assertThat(snapshot()).isEqualTo(before);
            })));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> boardListsShowOnlyAccessibleBoards() {
        return intruders.entrySet().stream()
                .map(e -> dynamicTest(e.getKey(), () -> {
                    String list = e.getValue().get("/api/v1/boards").body();
                    if ("board viewer".equals(e.getKey())) {
                        assertThat(list).contains(board.id().toString());
                    } else {
                        assertThat(list).doesNotContain(board.id().toString());
                    }
                }));
    }

    private List<Endpoint> endpoints() {
        String b = "/api/v1/boards/" + board.id();
        String i = "/api/v1/items/" + item.id();
        String f = "/api/v1/files/" + file.id();
        String pageB = "/boards/" + board.id();
        String change = "{\"version\":" + item.version() + ",\"values\":{\"" + status.id() + "\":\"Done\"}}";
        return List.of(
                read("GET board", c -> c.get(b)),
                read("GET members", c -> c.get(b + "/members")),
                read("GET columns", c -> c.get(b + "/columns")),
                read("GET items", c -> c.get(b + "/items")),
                read("GET item", c -> c.get(i)),
                read("GET activity", c -> c.get(i + "/activity")),
                read("GET updates", c -> c.get(i + "/updates")),
                read("GET files", c -> c.get(i + "/files")),
                read("GET file", c -> c.get(f)),
                read("GET file preview", c -> c.get(f + "/preview")),
                write("PUT member", c -> c.json("PUT", b + "/members/" + memberId, "{\"role\":\"owner\"}")),
                write("DELETE member", c -> c.json("DELETE", b + "/members/" + memberId, "")),
                write("POST column", c -> c.json("POST", b + "/columns", "{\"name\":\"X\",\"type\":\"text\"}")),
                write("POST item", c -> c.json("POST", b + "/items", "{\"name\":\"Injected\"}")),
                write("PATCH item", c -> c.json("PATCH", i, change)),
                write("POST archive", c -> c.json("POST", i + "/archive", "{}")),
                write("DELETE item", c -> c.json("DELETE", i, "")),
                write("POST update", c -> c.json("POST", i + "/updates", "{\"body\":\"<p>hi</p>\"}")),
                write("POST file", c -> Uploads.upload(c, i + "/files", "x.txt", "text/plain", new byte[] {1})),
                write(
                        "POST file to update",
                        c -> Uploads.upload(
                                c, i + "/files?updateId=" + update.id(), "x.txt", "text/plain", new byte[] {1})),
                read("page board", c -> c.get(pageB)),
                read("page board rows", c -> c.get(pageB + "/rows/" + item.id())),
                read("page item", c -> c.get(pageB + "/items/" + item.id())),
                read("page item updates", c -> c.get(pageB + "/items/" + item.id() + "/updates")),
                write("page add item", c -> c.postForm(pageB + "/items", Map.of("name", "Injected"))),
                write("page add column", c -> c.postForm(pageB + "/columns", Map.of("name", "X", "type", "text"))),
                write(
                        "page edit cell",
                        c -> c.postForm(
                                pageB + "/items/" + item.id() + "/cells/" + status.id(),
                                Map.of("value", "Done", "version", Long.toString(item.version())))),
                write(
                        "page post update",
                        c -> c.postForm(pageB + "/items/" + item.id() + "/updates", Map.of("body", "<p>hi</p>"))));
    }

    private String snapshot() {
        String sql = "select 'm' || count(*) from board_member where board_id = :b"
                + " union all select 'c' || count(*) from board_column where board_id = :b"
                + " union all select 'i' || i.id || i.name || i.version || i.archived from item i where i.board_id = :b"
                + " union all select 'v' || v.text_value from item_value v join item i on i.id = v.item_id"
                + " where i.board_id = :b"
                + " union all select 'u' || count(*) from item_update u join item i on i.id = u.item_id"
                + " where i.board_id = :b"
                + " union all select 'f' || count(*) from item_file f join item i on i.id = f.item_id"
                + " where i.board_id = :b"
                + " union all select 'a' || count(*) from item_activity a join item i on i.id = a.item_id"
                + " where i.board_id = :b";
        List<String> rows =
                jdbc.sql(sql).param("b", board.id().value()).query(String.class).list();
        return rows.stream().sorted().toList() + " files=" + storedFiles();
    }

    private long storedFiles() {
        try (Stream<Path> files = Files.walk(filesDir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Endpoint read(String name, Function<TestClient, HttpResponse<String>> call) {
        return new Endpoint(name, false, call);
    }

    private static Endpoint write(String name, Function<TestClient, HttpResponse<String>> call) {
        return new Endpoint(name, true, call);
    }

    /** One endpoint and whether it writes. */
    private record Endpoint(String name, boolean write, Function<TestClient, HttpResponse<String>> call) {}
}
