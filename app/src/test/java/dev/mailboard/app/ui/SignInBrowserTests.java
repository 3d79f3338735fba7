package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class SignInBrowserTests {

    @LocalServerPort
    int port;

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
    void adminSignsInAndOut() {
        BrowserSupport.signIn(
                browser, base(), MailboardIntegrationTest.ADMIN_EMAIL, MailboardIntegrationTest.ADMIN_PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Welcome");
        BrowserSupport.screenshot(browser, "home");

        browser.findElement(By.id("logout")).click();
        BrowserSupport.awaitVisible(browser, By.id("sign-in"));
        assertThat(browser.getPageSource()).contains("You are signed out");
    }

    @Test
    void wrongPasswordShowsAClearMessage() {
        BrowserSupport.signIn(browser, base(), MailboardIntegrationTest.ADMIN_EMAIL, "wrong-password");

        BrowserSupport.awaitVisible(browser, By.id("login-error"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("That did not work");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
