package dev.mailboard.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what a page in the browser shows a person: axe-core's violations (the npm package, kept unchanged in
 * the test resources) and whether the page fits a phone's width without sideways scrolling. Every check
 * also saves a screenshot under {@code target/page-screenshots/}.
 */
public final class PageAudit {

    /** A phone's viewport width in CSS pixels (the review used 390 x 844). */
    public static final int PHONE_WIDTH = 390;

    private static final String AXE = axeSource();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCREENSHOTS = Path.of("target", "page-screenshots");

    private PageAudit() {}

    /**
     * One axe-core violation on a page.
     *
     * @param rule the rule id, for example {@code color-contrast}
     * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
     * @param nodes how many elements break it
     * @param where the selectors of the first few of them
     */
    public record Violation(String rule, String impact, int nodes, String where) {

        /**
         * Whether the violation is one the project does not accept.
         *
         * @return true for serious and critical
         */
        public boolean isSeriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }

    /**
     * Runs axe-core on the page the browser shows.
     *
     * @param driver the browser, on the page
     * @return its violations of the WCAG 2.x A and AA rules and axe's best practices
     */
    public static List<Violation> axe(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE);
        }
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(JSON.stringify(r.violations.map(function (v) {"
                + "    return {rule: v.id, impact: v.impact, nodes: v.nodes.length,"
                + "      where: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ')};"
                + "  })));"
                + "}, function (e) { done('error: ' + e); });");
        String text = String.valueOf(answer);
        if (text.startsWith("error")) {
            throw new AssertionError("axe-core failed: " + text);
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            violations.add(new Violation(
                    v.path("rule").asString(),
                    v.path("impact").asString(),
                    v.path("nodes").asInt(),
                    v.path("where").asString()));
        }
        return violations;
    }

    /**
     * Shows pages as a phone of {@link #PHONE_WIDTH} CSS pixels would (with its viewport meta tag honoured).
     *
     * @param driver the browser
     */
    public static void phone(WebDriver driver) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * Back to the desktop window of 1280 x 900.
     *
     * @param driver the browser
     */
    public static void desktop(WebDriver driver) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * How wide the page is, in CSS pixels: more than the viewport means the page scrolls sideways.
     *
     * @param driver the browser, on the page
     * @return the document's scroll width
     */
    public static long scrollWidth(WebDriver driver) {
        Object width = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        return ((Number) width).longValue();
    }

    /**
     * The elements that reach past the viewport's right edge (outside any box that scrolls), to say why a page
     * is too wide.
     *
     * @param driver the browser, on the page
     * @return up to five of them, as tag, id and class with their right edge
     */
    public static String widestElements(WebDriver driver) {
        Object found = ((JavascriptExecutor) driver)
                .executeScript("var out = [], limit = document.documentElement.clientWidth;"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.right > limit + 1 && !e.closest('.scroll, .table-card') && out.length < 5) {"
                        + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        + "      + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')"
                        + "      + ' (right ' + Math.round(r.right) + ')');"
                        + "  }"
                        + "});"
                        + "return out.join(', ');");
        return String.valueOf(found);
    }

    /**
     * Saves what the browser shows as {@code target/page-screenshots/<name>.png}.
     *
     * @param driver the browser
     * @param name the file name without extension
     */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = PageAudit.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
