package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.NewItem;
import dev.mailboard.app.boards.StatusLabel;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.PageAudit;
import dev.mailboard.app.testing.PageAudit.Violation;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page a person can reach, at 1280 x 900 and as a 390 px phone: axe-core finds no serious or critical
 * violation, and no page scrolls sideways on the phone (tables scroll inside their own box). The counts and
 * widths of every page are printed; the screenshots of both widths land in {@code target/page-screenshots/}.
 */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class AccessibilityBrowserTests {

    private static final String PASSWORD = "accessibility-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    private WebDriver browser;
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int serious;
    private int critical;

    @BeforeEach
    void open() {
        browser = BrowserSupport.open();
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolationAndFitsAPhone() {
        AccountView account =
                accounts.createAccount("Audit " + UUID.randomUUID().toString().substring(0, 6));
        UserView admin = accounts.createUser(
                new NewUser(account.id(), "audit-" + suffix() + "@example.test", "Ada Auditor", Role.ADMIN), PASSWORD);
        Actor actor = Actor.user(admin.id());
        BoardView board = boards.createBoard(actor, new NewBoard("Support requests", "Mail from customers"));
        boards.addColumn(
                actor,
                board.id(),
                new NewColumn(
                        "State",
                        ColumnType.STATUS,
                        List.of(
                                new StatusLabel("New", "blue", true),
                                new StatusLabel("Working", "orange", false),
                                new StatusLabel("Done", "green", false))));
        boards.addColumn(actor, board.id(), new NewColumn("Requester", ColumnType.EMAIL, List.of()));
        boards.addColumn(actor, board.id(), new NewColumn("Due", ColumnType.DATE, List.of()));
        ItemView quiet = boards.createItem(actor, new NewItem(board.id(), "An item without updates", Map.of()));
        ItemView busy = boards.createItem(actor, new NewItem(board.id(), "Order 7 for blue widgets", Map.of()));
        boards.postUpdate(actor, busy.id(), "<p>Called the customer: <strong>ships Monday</strong>.</p>");
        String mailbox = "audit-" + suffix() + "@sandbox.example.test";
        SandboxConsent.createMailbox(TestClient.anonymous(port), mailbox);
        String boardPage = "/boards/" + board.id();

        check("sign-in", "/login");
        BrowserSupport.signIn(browser, base(), admin.email(), PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
        check("home", "/");
        check("boards", "/boards");
        check("board", boardPage);
        check("item-without-updates", boardPage + "/items/" + quiet.id().value());
        check("item-with-updates", boardPage + "/items/" + busy.id().value());
        check("integrations-empty", "/integrations");

        browser.findElement(By.id("connect-outlook")).click();
        BrowserSupport.awaitVisible(browser, By.id("login"));
        checkCurrent("sandbox-consent");
        BrowserSupport.acceptSandboxConsent(browser, mailbox);
        check("integrations", "/integrations");
        check("sandbox", "/sandbox");

        check("recipes-empty", "/recipes");
        check("new-recipe", "/recipes/new?boardId=" + board.id());
        browser.findElement(By.id("name")).sendKeys("Support inbox");
        browser.findElement(By.id("preview-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("preview"));
        checkCurrent("new-recipe-preview");
        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("run-log"));
        String recipe = browser.getCurrentUrl().substring(base().length());
        check("recipe", recipe);
        check("recipe-edit", recipe + "/edit");
        check("recipes", "/recipes");
        check("send-recipe", "/recipes/new-send?boardId=" + board.id());

        check("users", "/users");
        browser.findElement(By.id("invite-email")).sendKeys("invitee-" + suffix() + "@example.test");
        browser.findElement(By.id("invite-name")).sendKeys("Ivo Invitee");
        new Select(browser.findElement(By.id("invite-role"))).selectByValue("member");
        browser.findElement(By.id("invite")).click();
        BrowserSupport.awaitVisible(browser, By.id("invitation-link"));
        String invitation = browser.findElement(By.id("invitation-link")).getText();
        checkCurrent("users-invited");
        check("settings", "/settings");
        check("audit", "/audit");
        check(
                "audit-entry",
                browser.findElement(By.cssSelector("#audit a"))
                        .getAttribute("href")
                        .substring(base().length()));
        check("tokens", "/tokens");
        check("notices", "/notices");
        check("not-found-board", "/boards/" + UUID.randomUUID());
        check("not-found-page", "/no-such-page");

        browser.findElement(By.id("logout")).click();
        BrowserSupport.awaitVisible(browser, By.id("sign-in"));
        check("invitation", invitation.substring(invitation.indexOf("/invitations/")));

        System.out.println("axe-core 4.14.1 and the width at " + PageAudit.PHONE_WIDTH + " px, per page:");
        report.forEach(System.out::println);
        System.out.printf("%d views: %d critical and %d serious violations%n", report.size() * 2, critical, serious);
        assertThat(failures).isEmpty();
    }

    private void check(String name, String path) {
        PageAudit.desktop(browser);
        browser.get(base() + path);
        checkCurrent(name);
    }

    /** Audits the page the browser is on at both widths (reloading it for the phone). */
    private void checkCurrent(String name) {
        PageAudit.desktop(browser);
        browser.navigate().refresh();
        List<Violation> wide = PageAudit.axe(browser);
        PageAudit.screenshot(browser, name + "-1280");
        PageAudit.phone(browser);
        browser.navigate().refresh();
        List<Violation> narrow = PageAudit.axe(browser);
        long width = PageAudit.scrollWidth(browser);
        String widest = width > PageAudit.PHONE_WIDTH ? PageAudit.widestElements(browser) : "";
        PageAudit.screenshot(browser, name + "-390");
        PageAudit.desktop(browser);
        report.add(String.format(
                "  %-22s 1280 px: %s | 390 px: %s | width at 390 px: %d", name, counts(wide), counts(narrow), width));
        record(name + " (1280 px)", wide);
        record(name + " (390 px)", narrow);
        if (width > PageAudit.PHONE_WIDTH) {
            failures.add(name + " is " + width + " px wide on a " + PageAudit.PHONE_WIDTH + " px phone: " + widest);
        }
    }

    private void record(String view, List<Violation> violations) {
        for (Violation v : violations) {
            if (v.isSeriousOrCritical()) {
                failures.add(view + ": " + v);
                if ("critical".equals(v.impact())) {
                    critical++;
                } else {
                    serious++;
                }
            }
        }
    }

    private static String counts(List<Violation> violations) {
        long bad = violations.stream().filter(Violation::isSeriousOrCritical).count();
        return bad + " serious/critical, " + (violations.size() - bad) + " other";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
