package org.tongxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for all browser tests, at the width of a 375-px phone. Debian's Chromium and
 * driver are used where installed (never a download); elsewhere Selenium finds a local browser.
 */
public final class Browser {

    public static final int PHONE_WIDTH = 375;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver driver;

    private Browser() {
    }

    public static synchronized WebDriver phone() throws IOException {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("tongxin-chromium"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
                options.setBinary(CHROMIUM.toFile());
                driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                        .build(), options);
            } else {
                driver = new ChromeDriver(options);
            }
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 812));
        driver.manage().deleteAllCookies();
        return driver;
    }

    /**
     * Clicks as a thumb would: scrolled (at once: Bootstrap scrolls smoothly) to the middle of the screen first, so the fixed tab bar
     * is not over the element.
     */
    public static void tap(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /**
     * Whether every picture in {@code container} has arrived and decoded, waiting up to 10 s for them: thumbnails
     * load lazily and after the page, later on a busy machine.
     */
    public static boolean imagesLoaded(WebDriver driver, WebElement container) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("return Array.from(arguments[0].querySelectorAll('img'))"
                            + ".every(i => i.complete && i.naturalWidth > 0);", container));
        } catch (TimeoutException notAll) {
            return false;
        }
    }

    /** Taps a button that sends a form, and waits until the page it leads to has replaced this one. */
    public static void send(WebDriver driver, By button) {
        WebElement pressed = driver.findElement(button);
        tap(driver, pressed);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> replaced(pressed));
    }

    /**
     * Whether the element's page has gone. Chromedriver sometimes answers a look at an element whose page is being
     * replaced with "Node … does not belong to the document" instead of a stale-element error: that means gone too.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Logs in afresh (earlier cookies dropped) on the server at {@code baseUrl}. */
    public static void logIn(WebDriver driver, String baseUrl, String login, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        // Waits for the next page, so that a test reading the address right after does not read the log-in page's.
        send(driver, By.id("login-submit"));
    }

    /** Fails when the page is wider than the phone, so that the person would have to scroll sideways. */
    public static void assertFitsThePhone(WebDriver driver) {
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        Object wide = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > arguments[0] && !e.closest('.table-responsive'))
                  .slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');""", PHONE_WIDTH + 1);
        assertThat(width).as("page width on a phone of %s (too wide: %s)", driver.getCurrentUrl(), wide)
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /**
     * What the browser's console said about the Content-Security-Policy since the last call (a blocked inline script,
     * handler, style or connection); reading empties the console. Empty when no test has opened the browser.
     */
    public static synchronized List<String> policyViolations() {
        if (driver == null) {
            return List.of();
        }
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
