package dev.opsbot.app.console;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page as a person uses it, through the stable ids, classes and {@code data-*} attributes of
 * {@code console/index.html}. Every step waits for what it expects (messages arrive by server-sent events); a
 * message re-renders when it changes, so elements are looked up again inside each wait instead of being held.
 */
final class BrowserConsolePage {
    private final WebDriver driver;
    private final WebDriverWait wait;

    BrowserConsolePage(WebDriver driver, Duration timeout) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    }

    /** Loads the page and waits until it has its users and channels and the event stream is open. */
    void open(String baseUrl) {
        driver.get(baseUrl + "/");
        waitFor(
                "the console to load and go live",
                d -> bodyAttribute("data-ready").equals("true")
                        && bodyAttribute("data-live").equals("true"));
    }

    String bannerText() {
        return driver.findElement(By.id("auth-banner")).getText();
    }

    List<String> channels() {
        return driver.findElements(By.cssSelector(".channel-item[data-channel]")).stream()
                .map(e -> e.getDomAttribute("data-channel"))
                .toList();
    }

    void openChannel(String channel) {
        driver.findElement(By.cssSelector(".channel-item[data-channel='" + channel + "']"))
                .click();
        waitFor("#" + channel + " to be selected", d -> "true"
                .equals(d.findElement(By.cssSelector(".channel-item[data-channel='" + channel + "']"))
                        .getDomAttribute("aria-current")));
    }

    void actAs(String user) {
        new Select(driver.findElement(By.id("user-select"))).selectByValue(user);
        waitFor("the page to act as " + user, d -> bodyAttribute("data-user").equals(user));
    }

    /** The user shown in the switcher, as the page labels it (name and role). */
    String selectedUserLabel() {
        return new Select(driver.findElement(By.id("user-select")))
                .getFirstSelectedOption()
                .getText();
    }

    void startNewThread() {
        driver.findElement(By.id("new-thread")).click();
        waitFor("no thread to be open", d -> d.findElements(By.cssSelector(".message"))
                .isEmpty());
    }

    /** Types {@code text} into the composer and presses Send. */
    void send(String text) {
        WebElement composer = driver.findElement(By.id("composer-text"));
        composer.clear();
        composer.sendKeys(text);
        driver.findElement(By.id("composer-send")).click();
    }

    /** Puts a long text into the composer at once (typing 40,000 keys would take minutes) and presses Send. */
    void paste(String text) {
        WebElement composer = driver.findElement(By.id("composer-text"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", composer, text);
        driver.findElement(By.id("composer-send")).click();
    }

    String composerText() {
        return driver.findElement(By.id("composer-text")).getDomProperty("value");
    }

    /** The thread open in the main area, once the page shows it selected in the thread list. */
    String awaitOpenThread() {
        return waitFor("a thread to be open", d -> {
            List<WebElement> current = d.findElements(By.cssSelector(".thread-item[aria-current='true']"));
            return current.isEmpty() ? null : current.get(0).getDomAttribute("data-thread");
        });
    }

    /** Waits for a message by {@code user} whose visible text passes {@code text}; returns its id. */
    String awaitMessage(String user, Predicate<String> text, String description) {
        return waitFor(description, d -> d.findElements(By.cssSelector(".message[data-user='" + user + "']")).stream()
                .filter(m -> text.test(m.getText()))
                .map(m -> m.getDomAttribute("data-id"))
                .findFirst()
                .orElse(null));
    }

    /** Waits until the open thread shows at least {@code count} messages by {@code user}. */
    void awaitMessageCount(String user, int count) {
        waitFor(
                count + " messages by " + user,
                d -> d.findElements(By.cssSelector(".message[data-user='" + user + "']"))
                                .size()
                        >= count);
    }

    String messageText(String messageId) {
        return message(messageId).getText();
    }

    void clickAddReaction(String messageId, String reaction) {
        message(messageId)
                .findElement(By.cssSelector(".add-reaction[data-name='" + reaction + "']"))
                .click();
    }

    void clickReactionChip(String messageId, String reaction) {
        message(messageId)
                .findElement(By.cssSelector(".reaction[data-name='" + reaction + "']"))
                .click();
    }

    /** Waits until the chip of {@code reaction} shows {@code count} (0: no chip) and whether it is mine. */
    void awaitReaction(String messageId, String reaction, int count, boolean mine) {
        waitFor(
                "reaction " + reaction + " on " + messageId + " to show " + count + (mine ? " including" : " without")
                        + " the current user",
                d -> {
                    List<WebElement> chips =
                            message(messageId).findElements(By.cssSelector(".reaction[data-name='" + reaction + "']"));
                    if (count == 0) {
                        return chips.isEmpty();
                    }
                    return chips.size() == 1
                            && chips.get(0)
                                    .findElement(By.cssSelector(".count"))
                                    .getText()
                                    .equals(String.valueOf(count))
                            && String.valueOf(mine).equals(chips.get(0).getDomAttribute("aria-pressed"));
                });
    }

    /** Waits for the composer's error line and returns what it says. */
    String awaitComposerError() {
        return waitFor("the composer to show an error", d -> {
            WebElement error = d.findElement(By.id("composer-error"));
            return error.isDisplayed() && !error.getText().isBlank() ? error.getText() : null;
        });
    }

    /** The message list is the live region screen readers follow. */
    String messageListAriaLive() {
        return driver.findElement(By.id("message-list")).getDomAttribute("aria-live");
    }

    private WebElement message(String messageId) {
        return driver.findElement(By.cssSelector(".message[data-id='" + messageId + "']"));
    }

    private String bodyAttribute(String name) {
        String value = driver.findElement(By.tagName("body")).getDomAttribute(name);
        return value == null ? "" : value;
    }

    private <T> T waitFor(String what, java.util.function.Function<WebDriver, T> condition) {
        wait.withMessage("waiting for " + what);
        return wait.until(condition);
    }
}
