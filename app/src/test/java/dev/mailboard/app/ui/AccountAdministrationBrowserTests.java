package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin's journey in a real browser: invite, change a permission, read the audit log, sign out. */
@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class AccountAdministrationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private WebDriver browser;

    @BeforeEach
    void open() {
        browser = BrowserSupport.open();
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void adminInvitesAUserChangesWhoMayCreateIntegrationsAndSeesItInTheAuditLog() {
        BrowserSupport.signIn(
                browser, base(), MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));

        browser.findElement(By.linkText("Users")).click();
        BrowserSupport.awaitVisible(browser, By.id("invite-form"));
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        browser.findElement(By.id("invite-email")).sendKeys(email);
        browser.findElement(By.id("invite-name")).sendKeys("Browser Invitee");
        new Select(browser.findElement(By.id("invite-role"))).selectByValue("viewer");
        browser.findElement(By.id("invite")).click();
        BrowserSupport.awaitVisible(browser, By.id("invitation-link"));
        assertThat(browser.findElement(By.id("invitation-link")).getText()).contains("/invitations/");
        assertThat(browser.getPageSource()).contains(email);

        browser.findElement(By.linkText("Settings")).click();
        BrowserSupport.awaitVisible(browser, By.id("settings-form"));
        WebElement guest = browser.findElement(By.id("role-guest"));
        boolean guestWasAllowed = guest.isSelected();
        guest.click();
        browser.findElement(By.id("save-settings")).click();
        BrowserSupport.awaitVisible(browser, By.id("notice"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Saved.");
        assertThat(browser.findElement(By.id("role-guest")).isSelected()).isNotEqualTo(guestWasAllowed);

        browser.findElement(By.linkText("Audit log")).click();
        BrowserSupport.awaitVisible(browser, By.id("audit"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("account.permission_changed").contains("who may create integrations");
        assertThat(audit).contains("user.invited").contains(email);

        browser.findElement(By.id("logout")).click();
        BrowserSupport.awaitVisible(browser, By.id("sign-in"));
        assertThat(browser.getPageSource()).contains("You are signed out");
    }

    @Test
    void aWrongPasswordShowsAClearMessage() {
        // A user of its own, so that this failure never adds to the shared first admin's failure count.
        AccountView account = accounts.createAccount("Browser wrong password");
        String email = "wrong-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        accounts.createUser(new NewUser(account.id(), email, "Wrong Password", Role.MEMBER), "the right password!");

        BrowserSupport.signIn(browser, base(), email, "not the right password");

        BrowserSupport.awaitVisible(browser, By.id("login-error"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(driver ->
                        driver.findElement(By.id("login-error")).getText().contains("That did not work"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Check the address and password");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
