package dev.mailboard.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for page tests, driven by Debian's {@code chromedriver}. Without a browser the
 * tests are skipped with a message on a developer machine, and fail when {@code CI=true}.
 *
 * <p>Use as {@code @ExtendWith(BrowserSupport.class)} and open browsers with {@link #open()}; close them
 * in {@code @AfterEach}.
 */
public final class BrowserSupport implements ExecutionCondition {

    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("MAILBOARD_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("MAILBOARD_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
        }
        String message = "No Chromium/chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (install Debian's chromium and chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": CI=true, so browser tests fail instead of skipping");
        }
        return ConditionEvaluationResult.disabled(message + ": skipping browser tests on this machine");
    }

    /**
     * Starts a fresh headless browser with its own profile (so its cookies are its own).
     *
     * @return the driver; the caller quits it
     */
    public static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + tempProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * Waits up to five seconds for an element to be visible.
     *
     * @param driver the browser
     * @param locator what to wait for
     */
    public static void awaitVisible(WebDriver driver, By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Signs in through the login page.
     *
     * @param driver the browser
     * @param baseUrl for example {@code http://localhost:8080}
     * @param email the address
     * @param password the password
     */
    public static void signIn(WebDriver driver, String baseUrl, String email, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    /**
     * On the sandbox's Microsoft sign-in and consent page: signs in as the mailbox, accepts, and waits for
     * Mailboard's notice on the page it returns to.
     *
     * @param driver the browser, on the consent page or on its way there
     * @param mailbox the sandbox mailbox that signs in
     */
    public static void acceptSandboxConsent(WebDriver driver, String mailbox) {
        awaitVisible(driver, By.id("login"));
        WebElement login = driver.findElement(By.id("login"));
        login.clear();
        login.sendKeys(mailbox);
        driver.findElement(By.cssSelector("button[value='accept']")).click();
        awaitVisible(driver, By.id("notice"));
    }

    /**
     * Saves what the browser shows as {@code docs/images/<name>.png} for the user guide, but only when the
     * run asks for it with {@code -Dmailboard.screenshots=true} (see docs/development.md); otherwise it does
     * nothing, so that ordinary test runs leave the committed images alone.
     *
     * @param driver the browser
     * @param name the file name without extension, for example {@code integrations-connected}
     */
    public static void screenshot(WebDriver driver, String name) {
        if (!Boolean.getBoolean("mailboard.screenshots")) {
            return;
        }
        Path directory = Path.of(System.getProperty("mailboard.screenshots.dir", "../docs/images"));
        try {
            Files.createDirectories(directory);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(directory.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("mailboard-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
