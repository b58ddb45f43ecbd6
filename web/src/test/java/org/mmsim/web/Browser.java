package org.mmsim.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, for the explorer's browser tests. Without the two
 * packages the tests are skipped, unless MMSIM_BROWSER_TESTS=required (CI sets it, after installing them), when
 * they fail instead. Screenshots go to web/target/screenshots.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A headless browser with a 1400x1000 window; skips the test (or fails on CI) without Chromium. */
    public static Browser open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getenv("MMSIM_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests required, but " + CHROMIUM + " or " + DRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed; browser tests skipped");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, o));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a URL and waits until the view named by its hash has mounted. */
    public void openView(String baseUrl, String view) {
        driver.get(baseUrl + "#" + view);
        waitFor(d -> view.equals(d.findElement(By.id("view")).getAttribute("data-ready")));
    }

    /** Waits up to 60 s for the condition. */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits for an element and returns it. */
    public WebElement await(String css) {
        return waitFor(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Saves a screenshot of the window as target/screenshots/NAME.png; its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path p = SHOTS.resolve(name + ".png");
            Files.write(p, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
