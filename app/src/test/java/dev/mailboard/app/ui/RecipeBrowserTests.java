package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailAddress;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recipe journey in a browser as far as it goes without mail ingest: connect the sandbox mailbox, set up
 * a recipe with a condition in the guided form, switch it on, and see its run log (fed here by publishing a
 * received mail the way ingest will). The preview reads the Inbox through the mail module's Graph client,
 * which cannot reach the in-process sandbox on a random test port yet; {@code RecipePreviewTests} covers it.
 */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class RecipeBrowserTests {

    private static final String PASSWORD = "recipe-browser-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private WebDriver browser;
    private UserView user;
    private BoardView board;
    private String mailbox;

    @BeforeEach
    void open() {
        AccountView account = accounts.createAccount(
                "Recipe browser " + UUID.randomUUID().toString().substring(0, 6));
        user = accounts.createUser(
                new NewUser(
                        account.id(),
                        "cook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                        "Recipe Cook",
                        Role.MEMBER),
                PASSWORD);
        board = boards.createBoard(Actor.user(user.id()), new NewBoard("Orders " + UUID.randomUUID(), ""));
        boards.addColumn(Actor.user(user.id()), board.id(), new NewColumn("Requester", ColumnType.EMAIL, List.of()));
        mailbox = "inbox-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
        TestClient sandbox = TestClient.anonymous(port);
        SandboxConsent.createMailbox(sandbox, mailbox);
        browser = BrowserSupport.open();
        BrowserSupport.signIn(browser, base(), user.email(), PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void setsUpAndSwitchesOnARecipeWithAConditionThenShowsItsRunLog() {
        connectMailbox();

        browser.findElement(By.id("nav-recipes")).click();
        BrowserSupport.awaitVisible(browser, By.id("no-recipes"));
        browser.findElement(By.id("new-recipe")).click();
        BrowserSupport.awaitVisible(browser, By.id("board-choice"));
        new Select(browser.findElement(By.id("board-choice"))).selectByVisibleText(board.name());
        browser.findElement(By.cssSelector("#choose-board button")).click();
        BrowserSupport.awaitVisible(browser, By.id("sender-column"));
        assertThat(browser.findElement(By.id("sender-note")).getText()).contains("not authenticated");
        browser.findElement(By.id("name")).sendKeys("Orders from the inbox");
        browser.findElement(By.id("subject-contains")).sendKeys("order");
        new Select(browser.findElement(By.id("sender-column"))).selectByVisibleText("Requester (email)");

        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("run-log"));
        assertThat(browser.findElement(By.id("state")).getText()).contains("On.");
        assertThat(browser.findElement(By.id("sentence")).getText()).contains("subject contains \"order\"");
        assertThat(browser.findElements(By.id("no-runs"))).hasSize(1);

        publishMail("Order 6 for red widgets");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    browser.navigate().refresh();
                    assertThat(browser.findElements(By.cssSelector("#runs tr.run.created")))
                            .hasSize(1);
                });
        assertThat(browser.findElement(By.cssSelector("#runs tr.run.created")).getText())
                .contains("Order 6 for red widgets", "created item #");
    }

    private void connectMailbox() {
        browser.get(base() + "/integrations");
        BrowserSupport.awaitVisible(browser, By.id("connect-outlook"));
        browser.findElement(By.id("connect-outlook")).click();
        BrowserSupport.awaitVisible(browser, By.id("login"));
        WebElement login = browser.findElement(By.id("login"));
        login.clear();
        login.sendKeys(mailbox);
        browser.findElement(By.cssSelector("button[value='accept']")).click();
        BrowserSupport.awaitVisible(browser, By.id("notice"));
    }

    private void publishMail(String subject) {
        CurrentUser current =
                new CurrentUser(user.id(), user.accountId(), user.email(), user.displayName(), user.role());
        ConnectionId connection = connections.listFor(current).get(0).id();
        String id = "msg-" + UUID.randomUUID();
        MailReceived mail = new MailReceived(
                connection,
                user.accountId(),
                id,
                "<" + id + "@x.example>",
                "conv-" + id,
                subject,
                new MailAddress("buyer@shop.example", "Buyer"),
                List.of(new MailAddress(mailbox, "")),
                List.of(),
                Instant.now(),
                null,
                List.of(),
                "<p>Please send</p>",
                "<p>Please send</p>",
                false,
                "normal",
                List.of(),
                Set.of(),
                MailReceived.Discovery.NOTIFICATION);
        transactions.executeWithoutResult(status -> events.publishEvent(mail));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
