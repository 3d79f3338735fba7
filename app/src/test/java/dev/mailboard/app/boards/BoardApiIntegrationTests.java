package dev.mailboard.app.boards;

import static dev.mailboard.app.boards.BoardFixtures.json;
import static dev.mailboard.app.boards.BoardFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Boards, columns and items through the REST API (files and updates are in their own classes). */
@MailboardIntegrationTest
class BoardApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private BoardFixtures.Person owner;
    private String boardId;

    @BeforeEach
    void board() {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        AccountId account = fixtures.account();
        owner = fixtures.person(account, "owner", Role.MEMBER);
        HttpResponse<String> created =
                owner.post("/api/v1/boards", "{\"name\":\"Support\",\"description\":\"Customer mail\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        boardId = json(created).get("id").asString();
    }

    @Test
    void createsListsAndReadsBoards() {
        JsonNode board = json(owner.get("/api/v1/boards/" + boardId));
        assertThat(board.get("name").asString()).isEqualTo("Support");
        assertThat(board.get("role").asString()).isEqualTo("OWNER");
        assertThat(board.get("createdBy").get("kind").asString()).isEqualTo("user");
        JsonNode list = json(owner.get("/api/v1/boards"));
        assertThat(list.findValuesAsString("id")).contains(boardId);
        assertThat(owner.post("/api/v1/boards", "{\"name\":\"  \"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void addsColumnsOfEveryType() {
        for (String type : List.of("text", "long_text", "person", "email", "date", "number", "link", "tags", "files")) {
            HttpResponse<String> column =
                    owner.post(columns(), "{\"name\":\"C " + type + "\",\"type\":\"" + type + "\"}");
            assertThat(column.statusCode()).as(type).isEqualTo(201);
        }
        String status = statusColumn();
        JsonNode listed = json(owner.get(columns()));
        assertThat(listed.size()).isEqualTo(10);
        assertThat(listed.get(9).get("id").asString()).isEqualTo(status);
        assertThat(listed.get(9).get("labels").get(0).get("isDefault").asBoolean())
                .isTrue();
        HttpResponse<String> badType = owner.post(columns(), "{\"name\":\"X\",\"type\":\"colour\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType).get("detail").asString()).contains("Unknown column type");
    }

    @Test
    void createsItemsWithValuesAndTheDefaultStatus() {
        String status = statusColumn();
        String number = column("Amount", "number");
        HttpResponse<String> created =
                owner.post(items(), "{\"name\":\"Printer broken\",\"values\":{\"" + number + "\":\"12.50\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode item = json(created);
        assertThat(item.get("id").asLong()).isPositive();
        assertThat(item.get("values").get(number).asString()).isEqualTo("12.5");
        assertThat(item.get("values").get(status).asString()).isEqualTo("New");
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l ->
                        assertThat(l).endsWith("/api/v1/items/" + item.get("id").asLong()));
        // The answer to the create is the item as it is read back afterwards, to the microsecond.
        assertThat(json(owner.get("/api/v1/items/" + item.get("id").asLong()))).isEqualTo(item);
        HttpResponse<String> bad = owner.post(items(), "{\"name\":\"X\",\"values\":{\"" + number + "\":\"lots\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString()).contains("Amount").contains("number");
    }

    @Test
    void listsItemsWithPagingSortingAndFilters() {
        String status = statusColumn();
        String number = column("Amount", "number");
        String tags = column("Tags", "tags");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String values = "{\"" + number + "\":\"" + (i * 10 % 7) + "\",\"" + tags + "\":\"t" + (i % 2) + ", all\""
                    + (i == 3 ? ",\"" + status + "\":\"Done\"" : "") + "}";
            ids.add(json(owner.post(items(), "{\"name\":\"Item " + i + "\",\"values\":" + values + "}"))
                    .get("id")
                    .asLong());
        }
        JsonNode first = json(owner.get(items() + "?size=3"));
        assertThat(first.get("total").asLong()).isEqualTo(7);
        assertThat(first.get("items").size()).isEqualTo(3);
        assertThat(first.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(6));
        JsonNode third = json(owner.get(items() + "?size=3&page=2"));
        assertThat(third.get("items").size()).isEqualTo(1);

        JsonNode byNumber = json(owner.get(items() + "?size=10&sort=" + number + "&direction=asc"));
        List<Double> numbers = new ArrayList<>();
        byNumber.get("items")
                .forEach(i -> numbers.add(
                        Double.parseDouble(i.get("values").get(number).asString())));
        assertThat(numbers).isSorted();
        JsonNode byName = json(owner.get(items() + "?sort=name&direction=desc"));
        assertThat(byName.get("items").get(0).get("name").asString()).isEqualTo("Item 7");

        JsonNode done = json(owner.get(items() + "?filter=" + status + ":done"));
        assertThat(done.get("total").asLong()).isEqualTo(1);
        assertThat(done.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(2));
        assertThat(json(owner.get(items() + "?filter=" + tags + ":t1"))
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(json(owner.get(items() + "?filter=" + tags + ":all"))
                        .get("total")
                        .asLong())
                .isEqualTo(7);
        assertThat(json(owner.get(items() + "?q=item%205")).get("total").asLong())
                .isEqualTo(1);
        assertThat(owner.get(items() + "?size=1000").statusCode()).isEqualTo(400);
        assertThat(owner.get(items() + "?sort=colour").statusCode()).isEqualTo(400);
    }

    @Test
    void changesValuesWithTheVersionAndRefusesStaleWrites() {
        String status = statusColumn();
        String text = column("Note", "text");
        long id = json(owner.post(items(), "{\"name\":\"Invoice\"}")).get("id").asLong();
        String path = "/api/v1/items/" + id;

        HttpResponse<String> changed = owner.client()
                .send(HttpRequest.newBuilder(owner.client().uri(path))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"0\"")
                        .header("X-CSRF-TOKEN", owner.client().csrfToken())
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"values\":{\"" + status + "\":\"Done\",\"" + text + "\":\"paid\"}}")));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json(changed).get("values").get(status).asString()).isEqualTo("Done");

        HttpResponse<String> stale =
                owner.client().json("PATCH", path, "{\"version\":0,\"values\":{\"" + text + "\":\"overwrite\"}}");
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode problem = json(stale);
        assertThat(problem.get("detail").asString()).contains("changed by someone else");
        assertThat(problem.get("current").get("version").asLong()).isEqualTo(1);
        assertThat(problem.get("current").get("values").get(text).asString()).isEqualTo("paid");
        assertThat(json(owner.get(path)).get("values").get(text).asString()).isEqualTo("paid");

        assertThat(owner.client().json("PATCH", path, "{\"name\":\"x\"}").statusCode())
                .isEqualTo(428);
        HttpResponse<String> cleared = owner.client()
                .json("PATCH", path, "{\"version\":1,\"name\":\"Invoice 7\",\"values\":{\"" + text + "\":\"\"}}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(json(cleared).get("values").has(text)).isFalse();
        assertThat(json(cleared).get("name").asString()).isEqualTo("Invoice 7");

        JsonNode activity = json(owner.get(path + "/activity"));
        assertThat(activity.findValuesAsString("field")).contains("created", "Status", "Note", "name");
        JsonNode statusChange = activity.valueStream()
                .filter(entry -> "Status".equals(entry.get("field").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(statusChange.get("oldValue").asString()).isEqualTo("New");
        assertThat(statusChange.get("newValue").asString()).isEqualTo("Done");
        assertThat(statusChange.get("actor").get("name").asString())
                .isEqualTo(owner.user().displayName());
    }

    @Test
    void archivesRestoresAndDeletesItems() {
        long id = json(owner.post(items(), "{\"name\":\"Old\"}")).get("id").asLong();
        String path = "/api/v1/items/" + id;
        HttpResponse<String> archived = owner.post(path + "/archive", "{\"version\":0}");
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(json(archived).get("archived").asBoolean()).isTrue();
        assertThat(json(owner.get(items())).findValuesAsString("name")).doesNotContain("Old");
        assertThat(json(owner.get(items() + "?archived=true")).findValuesAsString("name"))
                .contains("Old");
        assertThat(owner.post(path + "/archive", "{\"archived\":false,\"version\":0}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(json(owner.post(path + "/archive", "{\"archived\":false}"))
                        .get("archived")
                        .asBoolean())
                .isFalse();

        assertThat(owner.client().json("DELETE", path, "").statusCode()).isEqualTo(204);
        assertThat(owner.get(path).statusCode()).isEqualTo(404);
        assertThat(json(owner.get(path)).get("detail").asString()).contains("item " + id);
    }

    @Test
    void managesMembers() {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        BoardFixtures.Person colleague = fixtures.person(owner.user().accountId(), "colleague", Role.MEMBER);
        String members = "/api/v1/boards/" + boardId + "/members/";
        assertThat(colleague.get("/api/v1/boards/" + boardId).statusCode()).isEqualTo(404);
        assertThat(owner.client()
                        .json("PUT", members + colleague.user().id(), "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(colleague.get("/api/v1/boards/" + boardId)).get("role").asString())
                .isEqualTo("VIEWER");
        assertThat(json(owner.get("/api/v1/boards/" + boardId + "/members")).size())
                .isEqualTo(2);
        assertThat(owner.client()
                        .json("DELETE", members + colleague.user().id(), "")
                        .statusCode())
                .isEqualTo(204);
        assertThat(colleague.get("/api/v1/boards/" + boardId).statusCode()).isEqualTo(404);
    }

    @Test
    void documentsTheApi() {
        String docs = owner.get("/v3/api-docs").body();
        assertThat(docs)
                .contains("/api/v1/boards/{boardId}/items")
                .contains("/api/v1/items/{itemId}/updates")
                .contains("/api/v1/items/{itemId}/files")
                .contains("/api/v1/files/{fileId}")
                .contains("/api/v1/boards/{boardId}/columns");
    }

    private String statusColumn() {
        String body = "{\"name\":\"Status\",\"type\":\"status\",\"labels\":[{\"name\":\"New\",\"colour\":\"blue\","
                + "\"isDefault\":true},{\"name\":\"Done\",\"colour\":\"green\"}]}";
        HttpResponse<String> column = owner.post(columns(), body);
        assertThat(column.statusCode()).isEqualTo(201);
        return json(column).get("id").asString();
    }

    private String column(String name, String type) {
        return json(owner.post(columns(), "{\"name\":" + quote(name) + ",\"type\":\"" + type + "\"}"))
                .get("id")
                .asString();
    }

    private String columns() {
        return "/api/v1/boards/" + boardId + "/columns";
    }

    private String items() {
        return "/api/v1/boards/" + boardId + "/items";
    }
}
