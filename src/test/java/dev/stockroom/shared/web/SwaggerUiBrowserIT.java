package dev.stockroom.shared.web;

import static dev.stockroom.support.HeadlessChromium.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.HeadlessChromium;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Swagger UI and ReDoc in a real browser ({@link HeadlessChromium}), as a new user meets them: each sign-in flow
 * works with what the page offers by default (nothing ticked, the documentation client prefilled only for people),
 * "Try it out" then answers 200, and both pages list the operation groups in reading order. The browser reaches
 * the service as {@code stockroom.test}, the public address the tests configure, so that the sign-in popup comes
 * back to the page's own origin.
 */
@ApiTest
class SwaggerUiBrowserIT {

    private static final String SITE = "http://stockroom.test";
    private static final By MACHINE_CLIENT_ID = By.id("client_id_clientCredentials");
    private static final By PERSON_CLIENT_ID = By.id("client_id_authorizationCode");

    @Autowired
    Api api;

    @Test
    void aMachineSignsInWithClientCredentialsAndTriesAnOperation() throws IOException {
        try (var chromium = open()) {
            WebDriver browser = chromium.browser();
            showAuthorizeDialog(browser);

            WebElement clientId = browser.findElement(MACHINE_CLIENT_ID);
            assertThat(clientId.getAttribute("value"))
                    .as("no client id prefilled for machines")
                    .isEmpty();
            assertThat(flow(browser, MACHINE_CLIENT_ID).findElements(By.cssSelector("input[type=checkbox]:checked")))
                    .as("no scope ticked by default")
                    .isEmpty();
            clientId.sendKeys(Api.ADMIN_CLIENT_ID);
            browser.findElement(By.id("client_secret_clientCredentials")).sendKeys(Api.ADMIN_CLIENT_SECRET);
            flow(browser, MACHINE_CLIENT_ID)
                    .findElement(By.cssSelector("button.authorize"))
                    .click();
            awaitSignedIn(browser, MACHINE_CLIENT_ID);

            assertThat(tryListingProducts(browser)).isEqualTo("200");
        }
    }

    @Test
    void aPersonSignsInWithTheAuthorizationCodeFlowAndTriesAnOperation() throws IOException {
        String email = "docs-reader-" + UUID.randomUUID() + "@example.com";
        String password = "a long and secret passphrase " + UUID.randomUUID();
        var user = api.post("/v1/users", Map.of("email", email, "password", password, "role", "support"))
                .send();
        assertThat(user.status()).as(user.body()).isEqualTo(201);

        try (var chromium = open()) {
            WebDriver browser = chromium.browser();
            showAuthorizeDialog(browser);
            assertThat(browser.findElement(PERSON_CLIENT_ID).getAttribute("value"))
                    .isEqualTo("stockroom-docs");
            assertThat(flow(browser, PERSON_CLIENT_ID).findElements(By.cssSelector("input[type=checkbox]:checked")))
                    .as("no scope ticked by default")
                    .isEmpty();

            String page = browser.getWindowHandle();
            flow(browser, PERSON_CLIENT_ID)
                    .findElement(By.cssSelector("button.authorize"))
                    .click();
            awaitTrue(
                    "the sign-in popup opens", () -> browser.getWindowHandles().size() == 2);
            String popup = browser.getWindowHandles().stream()
                    .filter(handle -> !handle.equals(page))
                    .findFirst()
                    .orElseThrow();
            browser.switchTo().window(popup);
            awaitTrue(
                    "the login form is shown",
                    () -> !browser.findElements(By.name("username")).isEmpty());
            browser.findElement(By.name("username")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys(password);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            awaitTrue(
                    "the popup closes itself", () -> browser.getWindowHandles().size() == 1);
            browser.switchTo().window(page);
            awaitSignedIn(browser, PERSON_CLIENT_ID);

            assertThat(tryListingProducts(browser)).isEqualTo("200");
        }
    }

    @Test
    void swaggerUiAndRedocListTheOperationGroupsInReadingOrder() throws IOException {
        try (var chromium = open()) {
            WebDriver browser = chromium.browser();
            browser.get(SITE + "/docs");
            awaitTrue(
                    "Swagger UI renders",
                    () -> !browser.findElements(By.cssSelector("h3.opblock-tag"))
                            .isEmpty());
            assertThat(browser.findElements(By.cssSelector("h3.opblock-tag")).stream()
                            .map(tag -> tag.getAttribute("data-tag"))
                            .toList())
                    .containsExactlyElementsOf(OpenApiConfiguration.TAG_ORDER);

            browser.get(SITE + "/redoc");
            By groups = By.cssSelector("li[data-item-id^='tag/']");
            awaitTrue(
                    "ReDoc renders its menu",
                    () -> !browser.findElements(groups).isEmpty());
            assertThat(browser.findElements(groups).stream()
                            .map(tag -> String.valueOf(tag.getAttribute("data-item-id"))
                                    .substring("tag/".length()))
                            .filter(slug -> !slug.contains("/"))
                            .map(slug -> slug.replace("-", " ").toLowerCase(Locale.ROOT))
                            .toList())
                    .containsExactlyElementsOf(OpenApiConfiguration.TAG_ORDER.stream()
                            .map(name -> name.toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    private HeadlessChromium open() throws IOException {
        return HeadlessChromium.start("--host-resolver-rules=MAP stockroom.test 127.0.0.1:" + api.port());
    }

    private static void showAuthorizeDialog(WebDriver browser) {
        browser.get(SITE + "/docs");
        awaitTrue(
                "Swagger UI renders",
                () -> !browser.findElements(By.cssSelector("button.authorize")).isEmpty());
        browser.findElement(By.cssSelector("button.authorize")).click();
        awaitTrue(
                "the Authorize dialog shows both flows",
                () -> !browser.findElements(MACHINE_CLIENT_ID).isEmpty()
                        && !browser.findElements(PERSON_CLIENT_ID).isEmpty());
    }

    /** The part of the Authorize dialog for one flow (it names its flow; the client id field goes once signed in). */
    private static WebElement flow(WebDriver browser, By clientId) {
        String name = clientId == MACHINE_CLIENT_ID ? "clientCredentials" : "authorizationCode";
        return browser.findElement(By.xpath(
                "//div[contains(@class,'auth-container')][.//p[@class='flow']/code[starts-with(normalize-space(), '"
                        + name + "')]]"));
    }

    private static void awaitSignedIn(WebDriver browser, By clientId) {
        try {
            awaitTrue(
                    "the flow is signed in",
                    () -> flow(browser, clientId).getText().contains("Logout"));
        } catch (AssertionError notSignedIn) {
            throw new AssertionError(notSignedIn.getMessage() + "; the dialog shows: "
                    + flow(browser, clientId).getText());
        }
        assertThat(flow(browser, clientId).findElements(By.cssSelector(".errors")))
                .as("no sign-in error")
                .isEmpty();
    }

    /** Closes the dialog, then "Try it out" and "Execute" on {@code GET /v1/products}; answers the status shown. */
    private static String tryListingProducts(WebDriver browser) {
        browser.findElement(By.cssSelector("button.btn-done")).click();
        WebElement operation =
                browser.findElement(By.xpath("//div[contains(@class,'opblock-get')][.//*[@data-path='/v1/products']]"));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        awaitTrue(
                "the operation opens",
                () -> !operation
                        .findElements(By.cssSelector("button.try-out__btn"))
                        .isEmpty());
        operation.findElement(By.cssSelector("button.try-out__btn")).click();
        awaitTrue(
                "Execute is offered",
                () -> !operation.findElements(By.cssSelector("button.execute")).isEmpty());
        operation.findElement(By.cssSelector("button.execute")).click();
        By status = By.cssSelector(".live-responses-table tr.response .response-col_status");
        awaitTrue(
                "the answer is shown",
                () -> !operation.findElements(status).isEmpty()
                        && !operation.findElement(status).getText().isBlank());
        return operation.findElement(status).getText().strip();
    }
}
