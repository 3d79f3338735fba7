package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.SandboxConsent;
import dev.mailboard.app.testing.TestClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Connecting the sandbox mailbox through its consent page in a real browser, and cancelling. */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class ConnectOutlookBrowserTests {

    private static final String PASSWORD = "a long enough test password";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private WebDriver browser;
    private UserView user;
    private String mailbox;

    @BeforeEach
    void open() {
        AccountView account =
                accounts.createAccount("Browser " + UUID.randomUUID().toString().substring(0, 6));
        user = accounts.createUser(
                new NewUser(
                        account.id(),
                        "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                        "Mailbox Owner",
                        Role.MEMBER),
                PASSWORD);
        mailbox = "inbox-" + UUID.randomUUID().toString().substring(0, 8) + "@sandbox.example.test";
        SandboxConsent.createMailbox(TestClient.anonymous(port), mailbox);
        browser = BrowserSupport.open();
        BrowserSupport.signIn(browser, base(), user.email(), PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void connectsTheSandboxMailboxAndShowsItsScopes() {
        consent("accept");

        BrowserSupport.awaitVisible(browser, By.id("notice"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Connected " + mailbox);
        WebElement row = browser.findElement(By.cssSelector("#connections tr.connection"));
        assertThat(row.findElement(By.className("mailbox")).getText()).isEqualTo(mailbox);
        assertThat(row.findElement(By.className("status")).getText()).contains("Connected");
        assertThat(row.findElement(By.className("scopes")).getText()).contains("Mail.Read", "User.Read");
        BrowserSupport.screenshot(browser, "integrations-connected");
    }

    @Test
    void cancellingOnTheConsentPageShowsAClearMessage() {
        consent("cancel");

        BrowserSupport.awaitVisible(browser, By.id("error"));
        assertThat(browser.findElement(By.id("error")).getText()).contains("You cancelled the consent");
        assertThat(browser.findElements(By.id("no-connections"))).hasSize(1);
    }

    @Test
    void openingTheAppOnAnotherLoopbackAddressSendsToThePublicUrlWithAWordWhyAndConnectStillWorks() {
        browser.manage().deleteAllCookies();

        browser.get("http://127.0.0.1:" + port + "/integrations");

        BrowserSupport.awaitVisible(browser, By.id("moved-from"));
        assertThat(browser.getCurrentUrl()).startsWith(base() + "/login");
        assertThat(browser.findElement(By.id("moved-from")).getText())
                .contains("127.0.0.1:" + port, "signing in and Connect Outlook work only here");
        browser.findElement(By.id("username")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        BrowserSupport.awaitVisible(browser, By.id("connect-outlook"));
        assertThat(browser.getCurrentUrl()).startsWith(base() + "/integrations");
        consent("accept");
        BrowserSupport.awaitVisible(browser, By.id("notice"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Connected " + mailbox);
    }

    private void consent(String decision) {
        browser.get(base() + "/integrations");
        BrowserSupport.awaitVisible(browser, By.id("connect-outlook"));
        BrowserSupport.screenshot(browser, "integrations");
        browser.findElement(By.id("connect-outlook")).click();
        BrowserSupport.awaitVisible(browser, By.id("login"));
        assertThat(browser.getPageSource()).contains("Mail.Read").doesNotContain("Mail.Send");
        BrowserSupport.screenshot(browser, "consent");
        WebElement login = browser.findElement(By.id("login"));
        login.clear();
        login.sendKeys(mailbox);
        browser.findElement(By.cssSelector("button[value='" + decision + "']")).click();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
