package dev.stockroom.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GraphiQL in a real browser (Debian's headless Chromium, driven through chromium-driver): the page loads with
 * every asset from this service, signs in with a bearer token typed into it, and runs a query. Skipped where
 * Chromium is not installed; {@code .ci/run} installs it.
 */
@ApiTest
class GraphiQlBrowserIT {

    /** Debian's Chromium and its driver, unless {@code STOCKROOM_CHROMIUM} and {@code STOCKROOM_CHROMEDRIVER} name others. */
    private static final Path CHROMIUM = Path.of(orElse(System.getenv("STOCKROOM_CHROMIUM"), "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER =
            Path.of(orElse(System.getenv("STOCKROOM_CHROMEDRIVER"), "/usr/bin/chromedriver"));

    private static String orElse(@org.jspecify.annotations.Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    @Autowired
    Api api;

    @Test
    void graphiqlLoadsWithoutTheInternetSignsInWithATokenAndRunsAQuery() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Path profile = Files.createTempDirectory("stockroom-chromium-");
        var service = new ChromeDriverService.Builder()
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
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(api.url("/graphiql"));
            awaitTrue(
                    "GraphiQL renders",
                    () -> !browser.findElements(By.cssSelector(".graphiql-execute-button"))
                            .isEmpty());

            browser.findElement(By.id("token")).sendKeys(Objects.requireNonNull(api.token()));
            browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
            awaitTrue(
                    "the query's answer is shown",
                    () -> browser.findElement(By.cssSelector(".result-window"))
                            .getText()
                            .contains(Api.ADMIN_CLIENT_ID));
            assertThat(browser.findElement(By.cssSelector(".result-window")).getText())
                    .contains("principalType");

            @SuppressWarnings("unchecked")
            var loaded = (List<String>) ((JavascriptExecutor) browser)
                    .executeScript("return performance.getEntriesByType('resource').map(entry => entry.name)");
            assertThat(loaded)
                    .as("every asset and request comes from this service")
                    .isNotEmpty()
                    .allMatch(url -> url.startsWith(api.url("/")));
            assertThat(loaded)
                    .anyMatch(url -> url.endsWith("/graphiql.min.js"))
                    .anyMatch(url -> url.endsWith("/graphql"));
        } finally {
            browser.quit();
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void awaitTrue(String what, Supplier<Boolean> condition) {
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
}
