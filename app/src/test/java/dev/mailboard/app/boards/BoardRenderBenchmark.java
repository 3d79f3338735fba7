package dev.mailboard.app.boards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a timed test: fills a board with 10,000 items and reports how long the server takes to render the
 * first page of the board and to list items through the API (median and p95 over repeated requests),
 * next to a baseline of an empty board page and a 10-item API list in the same run. Excluded from the
 * normal build; run with {@code ./mvnw -pl app test -Dgroups=benchmark -Dtest=BoardRenderBenchmark}.
 * Figures go to the log and to {@code app/target/benchmarks/boards-<database>.md}.
 */
@MailboardIntegrationTest
@Tag("benchmark")
class BoardRenderBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BoardRenderBenchmark.class);
    private static final int ITEMS = 10_000;
    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rendersTheFirstPageOfA10000ItemBoard() throws IOException {
        BoardFixtures fixtures = new BoardFixtures(accounts, port);
        BoardFixtures.Person owner = fixtures.person(fixtures.account(), "bench", Role.MEMBER);
        BoardView big = board(owner, "Big");
        BoardView small = board(owner, "Small");
        BoardView empty = board(owner, "Empty");
        long fill = System.nanoTime();
        fill(owner, big, ITEMS);
        fill(owner, small, 10);
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze item");
            jdbc.execute("analyze item_value"); // what autovacuum does shortly after a bulk load
        }
        long fillMillis = (System.nanoTime() - fill) / 1_000_000;

        List<String> lines = new ArrayList<>();
        lines.add("| What | median ms | p95 ms |");
        lines.add("|---|---|---|");
        lines.add(measure("Board page, empty board (baseline)", () -> owner.get("/boards/" + empty.id())));
        lines.add(measure("Board page, 10,000 items, first page (50 rows)", () -> owner.get("/boards/" + big.id())));
        lines.add(measure(
                "API list, 10-item board (baseline)", () -> owner.get("/api/v1/boards/" + small.id() + "/items")));
        lines.add(measure(
                "API list, 10,000 items, first page (50)", () -> owner.get("/api/v1/boards/" + big.id() + "/items")));
        lines.add(measure(
                "API list, 10,000 items, sorted by a number column",
                () -> owner.get("/api/v1/boards/" + big.id() + "/items?sort="
                        + boards.columns(owner.actor(), big.id()).get(1).id() + "&direction=asc")));
        lines.add(measure(
                "API list, 10,000 items, filtered by status",
                () -> owner.get("/api/v1/boards/" + big.id() + "/items?filter="
                        + boards.columns(owner.actor(), big.id()).get(0).id() + ":Done")));
        String database = TestDatabase.isPostgres() ? "postgres" : "h2";
        String report = "Database: " + database + "; " + ITEMS + " items inserted in " + fillMillis + " ms; "
                + RUNS + " requests per row after " + WARMUP + " warm-up requests, sequential, over loopback HTTP"
                + " with a signed-in session.\n\n" + String.join("\n", lines) + "\n";
        log.info("Board benchmark\n{}", report);
        Path out = Path.of("target", "benchmarks", "boards-" + database + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    private BoardView board(BoardFixtures.Person owner, String name) {
        BoardView board = boards.createBoard(owner.actor(), new NewBoard(name + " " + BoardFixtures.unique(), ""));
        boards.addColumn(
                owner.actor(),
                board.id(),
                new NewColumn(
                        "Status",
                        ColumnType.STATUS,
                        List.of(new StatusLabel("New", "blue", true), new StatusLabel("Done", "green", false))));
        boards.addColumn(owner.actor(), board.id(), new NewColumn("Amount", ColumnType.NUMBER, List.of()));
        boards.addColumn(owner.actor(), board.id(), new NewColumn("Note", ColumnType.TEXT, List.of()));
        return board;
    }

    private void fill(BoardFixtures.Person owner, BoardView board, int count) {
        List<ColumnView> columns = boards.columns(owner.actor(), board.id());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(new Object[] {
                board.id().value(),
                "Item " + i,
                (long) i,
                now,
                owner.user().id().value()
            });
        }
        jdbc.batchUpdate(
                "insert into item (board_id, name, position, created_at, created_by_kind, created_by_user_id,"
                        + " created_by_name) values (?, ?, ?, ?, 'user', ?, 'Bench')",
                items);
        List<Long> ids = jdbc.queryForList(
                "select id from item where board_id = ?", Long.class, board.id().value());
        List<Object[]> values = new ArrayList<>();
        for (Long id : ids) {
            String status = id % 3 == 0 ? "Done" : "New";
            values.add(new Object[] {id, columns.get(0).id().value(), status, status.toLowerCase(Locale.ROOT), null});
            BigDecimal amount = BigDecimal.valueOf(id * 7919 % 10_000);
            values.add(new Object[] {
                id, columns.get(1).id().value(), amount.toPlainString(), amount.toPlainString(), amount
            });
            values.add(new Object[] {id, columns.get(2).id().value(), "note " + id, "note " + id, null});
        }
        jdbc.batchUpdate(
                "insert into item_value (item_id, column_id, text_value, sort_text, sort_number)"
                        + " values (?, ?, ?, ?, ?)",
                values);
    }

    private static String measure(String what, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(request.get().statusCode()).isEqualTo(200);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.get();
            nanos[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        java.util.Arrays.sort(nanos);
        double median = nanos[RUNS / 2] / 1e6;
        double p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f |", what, median, p95);
    }
}
