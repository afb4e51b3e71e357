package dev.stockroom.graphql;

import static dev.stockroom.support.HeadlessChromium.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.HeadlessChromium;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GraphiQL in a real browser ({@link HeadlessChromium}): the page loads with every asset from this service, signs
 * in with a bearer token typed into it, and runs a query. Skipped where Chromium is not installed.
 */
@ApiTest
class GraphiQlBrowserIT {

    @Autowired
    Api api;

    @Test
    void graphiqlLoadsWithoutTheInternetSignsInWithATokenAndRunsAQuery() throws IOException {
        try (var chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
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
        }
    }
}
