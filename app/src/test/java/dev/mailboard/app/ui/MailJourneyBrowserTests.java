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
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.NewBoard;
import dev.mailboard.app.boards.NewColumn;
import dev.mailboard.app.boards.NewItem;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxAccounts;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The story of journeys 2 to 5 in a real browser on the embedded defaults, with mail delivered through the
 * sandbox's control API and everything after that done by Mailboard over real HTTP: connect, set up a recipe
 * with a condition, preview it, switch it on; a matching mail becomes one item that appears on the open
 * board by itself, a mail that does not match shows its skip reason in the run log, and a reply to the first
 * mail becomes an update on the same item. Then journey 5: an item sends an email through the mailbox
 * (after the incremental consent for sending), and the customer's reply comes back to that item.
 */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class MailJourneyBrowserTests {

    private static final String PASSWORD = "mail-journey-password-1";
    private static final Duration MAIL_PATH = Duration.ofSeconds(30);
    private static final Pattern ITEM_LINK = Pattern.compile("/items/(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    private WebDriver browser;
    private WebDriver watcher;
    private UserView user;
    private BoardView board;
    private String mailbox;
    private TestClient sandbox;

    @BeforeEach
    void open() {
        AccountView account =
                accounts.createAccount("Journey " + UUID.randomUUID().toString().substring(0, 6));
        user = accounts.createUser(
                new NewUser(
                        account.id(),
                        "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                        "Journey User",
                        Role.MEMBER),
                PASSWORD);
        board = boards.createBoard(Actor.user(user.id()), new NewBoard("Support " + UUID.randomUUID(), ""));
        boards.addColumn(Actor.user(user.id()), board.id(), new NewColumn("Requester", ColumnType.EMAIL, List.of()));
        mailbox = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
        sandbox = TestClient.anonymous(port);
        SandboxConsent.createMailbox(sandbox, mailbox);
        browser = BrowserSupport.open();
        BrowserSupport.signIn(browser, base(), user.email(), PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
    }

    @AfterEach
    void quit() {
        browser.quit();
        if (watcher != null) {
            watcher.quit();
        }
    }

    @Test
    void mailBecomesAnItemLiveItsReplyAnUpdateAndTheRunLogSaysWhatHappened() {
        connectMailbox();
        deliver("Order 1 for blue widgets", "An order from before the recipe", null);

        setUpRecipeAndPreview();
        BrowserSupport.screenshot(browser, "recipe-preview");
        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("run-log"));
        assertThat(browser.findElement(By.id("state")).getText()).contains("On.");
        String recipePage = browser.getCurrentUrl();

        watcher = BrowserSupport.open();
        BrowserSupport.signIn(watcher, base(), user.email(), PASSWORD);
        BrowserSupport.awaitVisible(watcher, By.id("logout"));
        watcher.get(base() + "/boards/" + board.id());
        new WebDriverWait(watcher, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.id("board-table"), "data-live", "connected"));

        String orderMessageId = deliver("Order 6 for red widgets", "Please send six red widgets.", null);
        deliver("Lunch on Friday", "Who is in?", null);

        By orderRow = By.xpath("//tbody[@id='rows']/tr[contains(., 'Order 6 for red widgets')]");
        new WebDriverWait(watcher, MAIL_PATH).until(ExpectedConditions.visibilityOfElementLocated(orderRow));
        assertThat(watcher.findElement(orderRow).getText()).contains("buyer@shop.example");
        BrowserSupport.screenshot(watcher, "board-item-from-mail");

        browser.get(recipePage);
        Awaitility.await().atMost(MAIL_PATH).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#runs tr.run.created")))
                    .hasSize(1);
            assertThat(browser.findElements(By.cssSelector("#runs tr.run.skipped")))
                    .hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector("#runs tr.run.skipped")).getText())
                .contains("Lunch on Friday", "subject");
        WebElement created = browser.findElement(By.cssSelector("#runs tr.run.created"));
        assertThat(created.getText()).contains("Order 6 for red widgets", "created item #");
        String itemPath = created.findElement(By.cssSelector("td.summary a")).getAttribute("href");
        Matcher itemId = ITEM_LINK.matcher(itemPath);
        assertThat(itemId.find()).isTrue();

        deliver("Re: Order 6 for red widgets", "Make it seven, please.", orderMessageId);

        Awaitility.await().atMost(MAIL_PATH).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#runs tr.run.updated")))
                    .hasSize(1);
        });
        assertThat(browser.findElements(By.cssSelector("#runs tr.run.created"))).hasSize(1);
        BrowserSupport.screenshot(browser, "recipe-run-log");
        browser.get(itemPath);
        BrowserSupport.awaitVisible(browser, By.id("feed"));
        assertThat(browser.findElement(By.id("feed")).getText())
                .contains("Make it seven, please.")
                .contains("Please send six red widgets.");
        assertThat(watcher.findElements(orderRow)).hasSize(1);
    }

    @Test
    void anItemSendsEmailThroughTheMailboxAndTheCustomersReplyComesBackToIt() {
        connectMailbox();
        deliver("Order 1 for blue widgets", "An order from before the recipe", null);
        setUpRecipeAndPreview();
        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("run-log"));
        ItemView item = boards.createItem(
                Actor.user(user.id()), new NewItem(board.id(), "Order 8 for green widgets", Map.of()));
        String itemPage =
                base() + "/boards/" + board.id() + "/items/" + item.id().value();

        // Sending needs Mail.Send, asked for only now (incremental consent).
        browser.get(base() + "/integrations");
        BrowserSupport.awaitVisible(browser, By.xpath("//button[normalize-space()='Allow sending mail']"));
        browser.findElement(By.xpath("//button[normalize-space()='Allow sending mail']"))
                .click();
        BrowserSupport.acceptSandboxConsent(browser, mailbox);

        browser.get(itemPage);
        BrowserSupport.awaitVisible(browser, By.id("email-form"));
        browser.findElement(By.id("email-to")).sendKeys("buyer@shop.example");
        browser.findElement(By.cssSelector("#email-form textarea[name='body']"))
                .sendKeys("Your green widgets ship on Monday.");
        BrowserSupport.screenshot(browser, "item-send-email");
        browser.findElement(By.id("send-email-button")).click();
        BrowserSupport.awaitVisible(browser, By.cssSelector("#send-email .notice"));

        Awaitility.await().atMost(MAIL_PATH).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("feed")).getText()).contains("Email sent to buyer@shop.example");
        });
        JsonNode sent = sentTo(new SandboxAccounts(port).sent(mailbox), "buyer@shop.example");
        String subject = sent.path("subject").asString();
        assertThat(subject).contains(item.id().tag(), "Order 8 for green widgets");

        deliver(
                "Re: " + subject,
                "Thanks, Monday is fine.",
                sent.path("internetMessageId").asString());

        Awaitility.await().atMost(MAIL_PATH).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("feed")).getText()).contains("Thanks, Monday is fine.");
        });
        ((JavascriptExecutor) browser).executeScript("document.getElementById('feed').scrollIntoView()");
        BrowserSupport.screenshot(browser, "item-email-reply");
    }

    @Test
    void editingARecipesMappingInThePageChangesWhatTheNextMailBecomes() {
        connectMailbox();
        deliver("Order 1 for blue widgets", "An order from before the recipe", null);
        setUpRecipeAndPreview();
        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("edit"));
        assertThat(browser.findElement(By.id("mapping")).getText()).contains("Requester gets the sender");

        browser.findElement(By.id("edit")).click();
        BrowserSupport.awaitVisible(browser, By.id("recipe-form"));
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Orders from the support inbox");
        assertThat(browser.findElement(By.id("subject-contains")).getAttribute("value"))
                .isEqualTo("order");
        assertThat(browser.findElements(By.id("board-choice")))
                .as("the board is chosen once, when created")
                .isEmpty();
        WebElement source = browser.findElement(By.cssSelector("#columns select[name^='source.']"));
        assertThat(new Select(source).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("sender");
        new Select(source).selectByValue("fixed");
        browser.findElement(By.cssSelector("#columns input[name^='fixed.']")).sendKeys("orders@shop.example");
        browser.findElement(By.id("body-as-first-update")).click();
        BrowserSupport.screenshot(browser, "recipe-edit");
        browser.findElement(By.id("save-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("saved"));
        assertThat(browser.findElement(By.id("mapping")).getText())
                .contains("Requester is set to “orders@shop.example”", "the email’s text is not kept");

        deliver("Order 9 for yellow widgets", "Nine yellow ones, please.", null);

        Awaitility.await()
                .atMost(MAIL_PATH)
                .untilAsserted(
                        () -> assertThat(items("Order 9 for yellow widgets")).hasSize(1));
        ItemView item = items("Order 9 for yellow widgets").get(0);
        String requester =
                boards.columns(Actor.user(user.id()), board.id()).get(0).id().toString();
        assertThat(item.values().entrySet()).anySatisfy(value -> {
            assertThat(value.getKey().toString()).isEqualTo(requester);
            assertThat(value.getValue()).isEqualTo("orders@shop.example");
        });
        assertThat(boards.updates(Actor.user(user.id()), item.id(), 10)).isEmpty();
    }

    private List<ItemView> items(String name) {
        return boards.items(Actor.user(user.id()), board.id(), ItemQuery.firstPage(50)).items().stream()
                .filter(i -> i.name().equals(name))
                .toList();
    }

    private static JsonNode sentTo(JsonNode sent, String address) {
        for (JsonNode mail : sent) {
            for (JsonNode to : mail.path("to")) {
                if (to.asString().equals(address)) {
                    return mail;
                }
            }
        }
        throw new AssertionError("nothing was sent to " + address);
    }

    private void connectMailbox() {
        browser.get(base() + "/integrations");
        BrowserSupport.awaitVisible(browser, By.id("connect-outlook"));
        browser.findElement(By.id("connect-outlook")).click();
        BrowserSupport.acceptSandboxConsent(browser, mailbox);
    }

    private void setUpRecipeAndPreview() {
        browser.findElement(By.id("nav-recipes")).click();
        BrowserSupport.awaitVisible(browser, By.id("new-recipe"));
        browser.findElement(By.id("new-recipe")).click();
        BrowserSupport.awaitVisible(browser, By.id("board-choice"));
        new Select(browser.findElement(By.id("board-choice"))).selectByVisibleText(board.name());
        browser.findElement(By.cssSelector("#choose-board button")).click();
        BrowserSupport.awaitVisible(browser, By.id("columns"));
        browser.findElement(By.id("name")).sendKeys("Orders from the support inbox");
        browser.findElement(By.id("subject-contains")).sendKeys("order");
        new Select(browser.findElement(By.cssSelector("#columns select[name^='source.']"))).selectByValue("sender");

        browser.findElement(By.id("preview-button")).click();
        BrowserSupport.awaitVisible(browser, By.id("preview"));
        assertThat(browser.findElements(By.cssSelector("#preview tr.preview-match")))
                .anySatisfy(row -> assertThat(row.getText()).contains("Order 1 for blue widgets"));
        BrowserSupport.awaitVisible(browser, By.id("save-button"));
    }

    /** Delivers a mail into the mailbox's Inbox through the sandbox; answers its Internet Message-ID. */
    private String deliver(String subject, String text, String inReplyTo) {
        String json = "{\"from\":{\"name\":\"Buyer\",\"address\":\"buyer@shop.example\"},\"to\":[\"" + mailbox
                + "\"],\"subject\":\"" + subject + "\",\"bodyText\":\"" + text + "\""
                + (inReplyTo == null ? "" : ",\"inReplyTo\":\"" + inReplyTo + "\"") + "}";
        HttpResponse<String> response = sandbox.json("POST", "/sandbox/mailboxes/" + mailbox + "/messages", json);
        assertThat(response.statusCode()).isEqualTo(201);
        Matcher id =
                Pattern.compile("\"internetMessageId\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
