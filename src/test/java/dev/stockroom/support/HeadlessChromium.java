package dev.stockroom.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through chromium-driver (or those {@code STOCKROOM_CHROMIUM} and
 * {@code STOCKROOM_CHROMEDRIVER} name), with a fresh profile that is deleted on close; the test that opens one
 * is skipped where Chromium is not installed ({@code .ci/run} installs it). Started with the flags that keep it
 * off the network: it only ever talks to the service under test.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(orElse(System.getenv("STOCKROOM_CHROMIUM"), "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(orElse(System.getenv("STOCKROOM_CHROMEDRIVER"), "/usr/bin/chromedriver"));

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver browser;

    private HeadlessChromium(String... arguments) throws IOException {
        profile = Files.createTempDirectory("stockroom-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        var options = new ChromeOptions();
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
                "--user-data-dir=" + profile);
        options.addArguments(arguments);
        browser = new ChromeDriver(service, options);
    }

    /** A new browser, or the test is skipped when there is no Chromium; extra command-line flags after the usual. */
    public static HeadlessChromium start(String... arguments) throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        return new HeadlessChromium(arguments);
    }

    public WebDriver browser() {
        return browser;
    }

    /** Waits up to 30 seconds for the condition; an element not (yet) there counts as not yet. */
    public static void awaitTrue(String what, Supplier<Boolean> condition) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (org.openqa.selenium.NoSuchElementException
                    | org.openqa.selenium.StaleElementReferenceException e) {
                // not yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String orElse(@Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
