package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first-run story in a real browser: the admin of the first start finds the Demo board with its "Try it"
 * panel, connects a sandbox mailbox, creates the sample recipe with one click, and a test mail delivered in the
 * sandbox becomes an item on the board.
 */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class DemoBoardBrowserTests {

    private static final Duration MAIL_PATH = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void open() {
        browser = BrowserSupport.open();
        BrowserSupport.signIn(
                browser, base(), MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void theDemoBoardLeadsFromConnectingTheSandboxToATestMailBecomingAnItem() {
        browser.get(base() + "/boards");
        browser.findElement(By.linkText("Demo board")).click();
        BrowserSupport.awaitVisible(browser, By.id("demo-panel"));
        String boardUrl = browser.getCurrentUrl();
        WebElement panel = browser.findElement(By.id("demo-panel"));
        assertThat(panel.getText())
                .contains("Try it: connect the sandbox mailbox, switch on the sample recipe, then send a test"
                        + " email from the sandbox page");
        assertThat(browser.findElement(By.id("demo-integrations-link")).getAttribute("href"))
                .endsWith("/integrations");
        assertThat(browser.findElement(By.id("demo-sandbox-link")).getAttribute("href"))
                .endsWith("/sandbox");
        assertThat(browser.findElements(By.id("create-sample-recipe"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#board-table thead th")))
                .extracting(WebElement::getText)
                .contains("STATUS", "FROM", "RECEIVED");
        BrowserSupport.screenshot(browser, "demo-board");

        String mailbox = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
        TestClient sandbox = TestClient.anonymous(port);
        SandboxConsent.createMailbox(sandbox, mailbox);
        browser.findElement(By.id("demo-integrations-link")).click();
        BrowserSupport.awaitVisible(browser, By.id("connect-outlook"));
        browser.findElement(By.id("connect-outlook")).click();
        BrowserSupport.acceptSandboxConsent(browser, mailbox);

        browser.get(boardUrl);
        BrowserSupport.awaitVisible(browser, By.id("create-sample-recipe"));
        assertThat(browser.findElement(By.id("demo-step-connect")).getText()).contains(mailbox);
        browser.findElement(By.id("create-sample-recipe")).click();
        BrowserSupport.awaitVisible(browser, By.id("demo-notice"));
        assertThat(browser.findElement(By.id("demo-notice")).getText())
                .contains("Every Inbox email becomes an item", "is on");
        assertThat(browser.findElements(By.id("demo-panel"))).isEmpty();

        SandboxConsent.deliver(sandbox, mailbox, "Hello from the sandbox");

        By row = By.xpath("//tbody[@id='rows']/tr[contains(., 'Hello from the sandbox')]");
        Awaitility.await().atMost(MAIL_PATH).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(row)).hasSize(1);
        });
        assertThat(browser.findElement(row).getText()).contains("sender@example.test", "New");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
