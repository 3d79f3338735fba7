package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.NewUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserView;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.testing.BrowserSupport;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MailboardIntegrationTest
@ExtendWith(BrowserSupport.class)
class BoardBrowserTests {

    private static final String PASSWORD = "board-browser-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    private final List<WebDriver> browsers = new ArrayList<>();
    private UserView user;

    @BeforeEach
    void user() {
        AccountId account =
                accounts.createAccount("Browser " + UUID.randomUUID()).id();
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@boards.test";
        user = accounts.createUser(new NewUser(account, email, "Browser User", Role.MEMBER), PASSWORD);
    }

    @AfterEach
    void quit() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void createsABoardWithColumnsAndEditsAnItemInline() {
        WebDriver browser = signedIn();
        browser.get(base() + "/boards");
        assertThat(browser.findElement(By.id("boards-empty")).getText()).contains("No boards yet");
        browser.findElement(By.id("board-name")).sendKeys("Browser board");
        browser.findElement(By.id("create-board")).click();
        BrowserSupport.awaitVisible(browser, By.id("add-column"));

        addColumn(browser, "Status", "status", "New*, Working:orange, Done:green");
        addColumn(browser, "Note", "text", "");
        addColumn(browser, "Due", "date", "");
        addColumn(browser, "Amount", "number", "");
        assertThat(browser.findElements(By.cssSelector("#board-table thead th")))
                .extracting(WebElement::getText)
                .contains("STATUS", "NOTE", "DUE", "AMOUNT");

        browser.findElement(By.id("item-name")).sendKeys("Call the printer company");
        browser.findElement(By.id("add-item-button")).click();
        By row = By.xpath("//tbody[@id='rows']/tr[contains(., 'Call the printer company')]");
        BrowserSupport.awaitVisible(browser, row);
        ItemView item = onlyItem();
        assertThat(browser.findElement(By.id("item-name")).getAttribute("value"))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#rows .empty-row"))).isEmpty();
        assertThat(browser.findElement(By.id("item-count")).getText()).isEqualTo("1");

        ColumnView status = column("Status");
        By statusSelect =
                By.cssSelector("#item-" + item.id().value() + " td[data-column='" + status.id() + "'] select");
        assertThat(browser.findElement(By.id("announce")).getText()).isEqualTo("Item added to the board.");
        new Select(browser.findElement(statusSelect)).selectByVisibleText("Done");
        wait(browser).until(ExpectedConditions.attributeContains(statusSelect, "class", "label-green"));
        assertThat(onlyItem().value(status.id())).isEqualTo("Done");
        try {
            wait(browser).until(d -> d.switchTo().activeElement().equals(d.findElement(statusSelect)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("focus is on "
                    + ((org.openqa.selenium.JavascriptExecutor) browser)
                            .executeScript("return document.activeElement.outerHTML.substring(0, 300)"
                                    + " + ' / announce: ' + document.getElementById('announce').textContent"));
        }
        assertThat(browser.findElement(By.id("announce")).getText()).isEqualTo("Saved.");

        By note = By.cssSelector("#item-" + item.id().value() + " td[data-column='"
                + column("Note").id() + "'] input[name='value']");
        browser.findElement(note).sendKeys("ask for Tom", Keys.TAB);
        wait(browser)
                .until(d -> "ask for Tom".equals(onlyItem().value(column("Note").id())));
        BrowserSupport.screenshot(browser, "board");
    }

    @Test
    void postsAFormattedUpdateOnTheItemPage() {
        BoardView board =
                boards.createBoard(Actor.user(user.id()), new dev.mailboard.app.boards.NewBoard("Updates", ""));
        ItemView item = boards.createItem(
                Actor.user(user.id()), dev.mailboard.app.boards.NewItem.named(board.id(), "Quarterly report"));
        WebDriver browser = signedIn();
        browser.get(base() + "/boards/" + board.id() + "/items/" + item.id().value());
        BrowserSupport.awaitVisible(browser, By.id("editor"));

        WebElement editor = browser.findElement(By.id("editor"));
        editor.click();
        editor.sendKeys("Numbers are final");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        browser.findElement(By.cssSelector("button[data-format='bold']")).click();
        browser.findElement(By.id("post-update")).click();

        By bold = By.cssSelector("#feed .update-body b, #feed .update-body strong");
        BrowserSupport.awaitVisible(browser, bold);
        assertThat(browser.findElement(bold).getText()).isEqualTo("Numbers are final");
        BrowserSupport.screenshot(browser, "item-with-update");
        assertThat(boards.updates(Actor.user(user.id()), item.id(), 10).get(0).body())
                .containsPattern("<(b|strong)>Numbers are final</(b|strong)>");
    }

    @Test
    void noTypedUpdateIsLostWhicheverBoxIsVisible() {
        BoardView board =
                boards.createBoard(Actor.user(user.id()), new dev.mailboard.app.boards.NewBoard("One box", ""));
        ItemView item = boards.createItem(
                Actor.user(user.id()), dev.mailboard.app.boards.NewItem.named(board.id(), "Printer toner"));
        String page = "/boards/" + board.id() + "/items/" + item.id().value();
        String html =
                TestClient.signedIn(port, user.email(), PASSWORD).get(page).body();
        assertThat(html)
                .as("without scripts only the plain box shows: the editor is hidden until a script shows it")
                .contains("contenteditable=\"true\" hidden")
                .contains("<textarea name=\"body\" id=\"update-body\" rows=\"4\" required>");

        WebDriver browser = signedIn();
        browser.get(base() + page);
        BrowserSupport.awaitVisible(browser, By.id("editor"));
        List<WebElement> boxes =
                List.of(browser.findElement(By.id("editor")), browser.findElement(By.id("update-body")));
        assertThat(boxes.stream().filter(WebElement::isDisplayed))
                .as("one update box at a time")
                .hasSize(1);
        WebElement visible =
                boxes.stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        visible.click();
        visible.sendKeys("Ordered two cartridges");
        browser.findElement(By.id("post-update")).click();

        wait(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Ordered two cartridges"));
        wait(browser).until(ExpectedConditions.textToBe(By.id("announce"), "Your update is posted."));
        assertThat(boards.updates(Actor.user(user.id()), item.id(), 10).get(0).body())
                .contains("Ordered two cartridges");
    }

    @Test
    void aKeyboardAloneSkipsToTheContentAddsAnItemAndChangesItsStatus() {
        BoardView board =
                boards.createBoard(Actor.user(user.id()), new dev.mailboard.app.boards.NewBoard("Keyboard", ""));
        boards.addColumn(
                Actor.user(user.id()),
                board.id(),
                new dev.mailboard.app.boards.NewColumn(
                        "Status", ColumnType.STATUS, BoardsLabels.parse("Low*:grey, High:red")));
        WebDriver browser = signedIn();
        browser.get(base() + "/boards/" + board.id());
        BrowserSupport.awaitVisible(browser, By.id("item-name"));
        assertThat(browser.findElement(By.cssSelector("a[aria-current='page']")).getText())
                .isEqualTo("Boards");

        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        keys.sendKeys(Keys.ENTER).perform();
        int header = 0;
        while (!"item-name".equals(browser.switchTo().activeElement().getAttribute("id")) && header < 30) {
            keys.sendKeys(Keys.TAB).perform();
            header++;
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("item-name");
        keys.sendKeys("Typed without a mouse", Keys.ENTER).perform();
        By row = By.xpath("//tbody[@id='rows']/tr[contains(., 'Typed without a mouse')]");
        BrowserSupport.awaitVisible(browser, row);
        wait(browser).until(ExpectedConditions.textToBe(By.id("announce"), "Item added to the board."));

        WebElement status = browser.findElement(row).findElement(By.cssSelector("select[name='value']"));
        assertThat(new Select(status).getFirstSelectedOption().getText()).isEqualTo("Low");
        while (!browser.switchTo().activeElement().equals(status) && header < 60) {
            keys.sendKeys(Keys.TAB).perform();
            header++;
        }
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        wait(browser).until(d -> "High".equals(onlyItem().value(column("Status").id())));
        wait(browser).until(d -> {
            WebElement focused = d.switchTo().activeElement();
            return "value".equals(focused.getAttribute("name"))
                    && "High"
                            .equals(new Select(focused).getFirstSelectedOption().getText());
        });
        System.out.println("Keyboard journey: " + header + " key presses of Tab in all");
    }

    @Test
    void showsItemsCreatedThroughTheApiInAnOpenBoardWithinASecond() {
        BoardView board = boards.createBoard(Actor.user(user.id()), new dev.mailboard.app.boards.NewBoard("Live", ""));
        WebDriver watcher = signedIn();
        watcher.get(base() + "/boards/" + board.id());
        wait(watcher).until(ExpectedConditions.attributeToBe(By.id("board-table"), "data-live", "connected"));

        TestClient api = TestClient.signedIn(port, user.email(), PASSWORD);
        HttpResponse<String> created =
                api.json("POST", "/api/v1/boards/" + board.id() + "/items", "{\"name\":\"Arrived by API\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        new WebDriverWait(watcher, Duration.ofSeconds(1))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//tbody[@id='rows']/tr[contains(., 'Arrived by API')]")));
    }

    private void addColumn(WebDriver browser, String name, String type, String labels) {
        browser.findElement(By.id("column-name")).sendKeys(name);
        new Select(browser.findElement(By.id("column-type"))).selectByValue(type);
        if (!labels.isEmpty()) {
            browser.findElement(By.id("column-labels")).sendKeys(labels);
        }
        browser.findElement(By.id("add-column-button")).click();
        wait(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#board-table thead"), name.toUpperCase(java.util.Locale.ROOT)));
    }

    private BoardView board() {
        return boards.boards(Actor.user(user.id())).get(0);
    }

    private ColumnView column(String name) {
        return boards.columns(Actor.user(user.id()), board().id()).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private ItemView onlyItem() {
        return boards.items(Actor.user(user.id()), board().id(), ItemQuery.firstPage(10))
                .items()
                .get(0);
    }

    private WebDriver signedIn() {
        WebDriver browser = BrowserSupport.open();
        browsers.add(browser);
        BrowserSupport.signIn(browser, base(), user.email(), PASSWORD);
        BrowserSupport.awaitVisible(browser, By.id("logout"));
        return browser;
    }

    /** Waits, looking again when the live board replaced a row between finding and reading it. */
    private static WebDriverWait wait(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
