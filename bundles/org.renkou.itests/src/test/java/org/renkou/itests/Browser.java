package org.renkou.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, with {@code fonts-noto-cjk} for the
 * Chinese) on Renkou's UI, with the waits the browser tests share. Screenshots land in
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of("target/screenshots");
    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    /** A browser for Renkou at {@code base} (http://127.0.0.1:port), its profile in a new folder under {@code home}. */
    Browser(String base, Path home) throws IOException {
        this.base = base;
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory(home, "chrome-").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // pages re-render on every route
    }

    /** Opens a route of the UI, e.g. {@code #/residents}. */
    void open(String hash) {
        driver.get(base + "/ui/index.html" + hash);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void login(String username, String password) {
        open("#/login");
        type("#username", username);
        type("#password", password);
        find("#login-button").click();
    }

    void logout() {
        find("#logout").click();
        find("#login-form");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
