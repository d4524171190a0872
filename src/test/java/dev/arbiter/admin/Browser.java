package dev.arbiter.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium driving the admin UI: Debian's {@code chromium} through Debian's {@code chromedriver}, both
 * given by path so that Selenium Manager never looks for (or downloads) a browser or driver. A fresh profile and
 * download folder per browser, removed on {@link #close()}. One per test class.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium looks up the DevTools protocol version of the browser it drives and warns when the browser is newer
     * than the versions it ships; these tests use WebDriver only, so that warning is noise. (A strong reference: JUL
     * keeps loggers weakly.)
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    /** How long a wait for the UI may take; running every policy scenario is the slow case. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    /**
     * Skips the calling test class (a JUnit assumption, from {@code @BeforeAll}, before its Spring context starts)
     * when Debian's chromium or chromium-driver is not installed; {@code .ci/run} installs them. Surefire does not show
     * the reason of a class skipped in {@code @BeforeAll} (it reports 0 tests), so the reason is also logged.
     */
    static void assumeInstalled(Class<?> testClass) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String skipped = testClass.getSimpleName() + " skipped: the admin UI's browser tests need Debian's chromium and "
                + "chromium-driver packages (" + CHROMIUM + ", " + CHROMEDRIVER + "); install them with apt-get install "
                + "chromium chromium-driver, as .ci/run does";
        if (!installed) {
            LoggerFactory.getLogger(testClass).warn(skipped);
        }
        assumeTrue(installed, skipped);
    }

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts a headless browser. */
    static Browser start() {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("arbiter-ui-test-profile");
            Path downloads = Files.createTempDirectory("arbiter-ui-test-downloads");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                            "--user-data-dir=" + profile)
                    .setExperimentalOption("prefs", Map.of(
                            "download.default_directory", downloads.toString(),
                            "download.prompt_for_download", false));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "SEVERE"));
            return new Browser(new ChromeDriver(service, options), profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** @return what the JavaScript {@code code} returns in the page */
    Object script(String code) {
        return driver.executeScript(code);
    }

    /** Opens {@code path} (e.g. {@code /admin}) of the service listening on {@code localhost:port}. */
    void open(int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Opens the UI signed out (nothing in session storage) and shows its sign-in form. */
    void signedOut(int port) {
        open(port, "/admin");
        driver.executeScript("sessionStorage.clear()");
        open(port, "/admin");
        visible(By.id("api-key"));
    }

    /** Signs in with {@code key} on the UI's sign-in form and waits until the UI shows the session. */
    void signIn(int port, String key) {
        signedOut(port);
        type(By.id("api-key"), key);
        click(By.cssSelector("#sign-in-form button[type=submit]"));
        visible(By.id("sign-out"));
    }

    /** Opens a view by its navigation link (Policy, Traces, Automation). */
    void view(String name) {
        click(By.cssSelector("#views a[data-view='" + name + "']"));
        visible(By.id("view-" + name));
    }

    void type(By field, String text) {
        WebElement element = visible(field);
        element.clear();
        element.sendKeys(text);
    }

    void click(By target) {
        until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Waits until the element is shown and returns it. */
    WebElement visible(By target) {
        return until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    /** Waits until the element shows exactly {@code text} and returns it. */
    WebElement showing(By target, String text) {
        until(ExpectedConditions.textToBe(target, text));
        return driver.findElement(target);
    }

    /** @return the text of the element, once shown */
    String text(By target) {
        return visible(target).getText();
    }

    List<WebElement> all(By target) {
        return driver.findElements(target);
    }

    /** Waits (at most {@link #PATIENCE}) for the condition to give a non-null, non-false value. */
    <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /**
     * @return the script errors and Content-Security-Policy violations the page reported since the last call (an
     *         API answer of 4xx, which the browser also reports, is not one)
     */
    List<String> scriptProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
    }

    /** Waits for a file the browser downloaded and returns its path. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        until(browser -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")) ? file : null);
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no test failure
        }
    }
}
