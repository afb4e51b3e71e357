package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Runs the service as its own process, as it runs in production, to check what only a real process shows:
 * structured JSON logs with one setting, a SIGTERM that lets requests in flight finish, and data that
 * outlives the process.
 */
class ProcessLifecycleIT {

    @Test
    void sigtermLetsRequestsInFlightFinishAndLogsAreJson() throws Exception {
        try (var process = ServiceProcess.start()) {
            var api = process.api();

            var inFlight = CompletableFuture.supplyAsync(() -> api.get("/test/slow?millis=3000")
                    .header("X-Request-Id", "slow-request-1")
                    .send());
            process.awaitLogLine("Slow request started");
            process.terminate();

            var response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
            assertThat(process.waitForExit(Duration.ofSeconds(30))).isTrue();

            List<JsonNode> lines = process.log()
                    .lines()
                    .filter(line -> line.startsWith("{"))
                    .map(Api.JSON::readTree)
                    .toList();
            assertThat(lines).isNotEmpty();
            var slow = lines.stream()
                    .filter(line -> line.path("message").asString("").startsWith("Slow request started"))
                    .findFirst()
                    .orElseThrow();
            assertThat(slow.path("request_id").asString()).isEqualTo("slow-request-1");
            assertThat(lines)
                    .anySatisfy(line ->
                            assertThat(line.path("message").asString("")).containsIgnoringCase("graceful shutdown"));
            assertThat(lines.stream()
                            .filter(line ->
                                    !line.path("log").path("level").asString("").matches("INFO|DEBUG|TRACE"))
                            .map(line -> line.path("log").path("logger").asString() + ": "
                                    + line.path("message").asString()))
                    .as("a normal start and stop warns of nothing")
                    .isEmpty();
        }
    }

    @Test
    void sigtermEndsWithStatus143ButWithZeroUnderMavensRunGoal() throws Exception {
        try (var plain = ServiceProcess.start()) {
            plain.terminate();
            assertThat(plain.waitForExit(Duration.ofSeconds(30))).isTrue();
            assertThat(plain.exitValue()).as("the JVM's own status for SIGTERM").isEqualTo(143);
        }
        // What ./mvnw spring-boot:run sets (pom.xml): the plugin reports any status but 0 and 130 as BUILD FAILURE.
        try (var underMaven = ServiceProcess.start(List.of("-Dstockroom.run.maven=true"))) {
            underMaven.terminate();
            assertThat(underMaven.waitForExit(Duration.ofSeconds(30))).isTrue();
            assertThat(underMaven.exitValue()).isZero();
            assertThat(underMaven.log()).containsIgnoringCase("graceful shutdown");
        }
    }

    @Test
    @DisabledIfEnvironmentVariable(
            named = "STOCKROOM_DB_URL",
            matches = ".+",
            disabledReason = "embedded database only")
    void firstStartPrintsGeneratedCredentialsOnceDataSurvivesARestartAndTheSecretCanBeReset() throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-data");
        String[] fresh = {
            "--stockroom.embedded-db.ephemeral=false",
            "--stockroom.embedded-db.data-dir=" + dataDir,
            "--stockroom.identity.bootstrap.admin-client-id=",
            "--stockroom.identity.bootstrap.admin-client-secret=",
            "--stockroom.identity.bootstrap.admin-email=",
            "--stockroom.identity.bootstrap.admin-password="
        };
        try {
            String secret;
            String id;
            try (var first = ServiceProcess.start(fresh)) {
                var printed = Pattern.compile("client_secret=(\\S+)").matcher(first.log());
                assertThat(printed.find()).as(first::log).isTrue();
                secret = printed.group(1);
                var anonymous = first.api().anonymous();
                var api = anonymous.withToken(anonymous.clientToken("stockroom-admin", secret, null));
                id = ProductData.create(api, ProductData.aWidget());
                first.terminate();
                assertThat(first.waitForExit(Duration.ofSeconds(30))).isTrue();
            }

            try (var restarted = ServiceProcess.start(fresh)) {
                assertThat(restarted.log()).doesNotContain("client_secret=");
                var anonymous = restarted.api().anonymous();
                String newToken = anonymous.clientToken("stockroom-admin", secret, null);
                assertThat(anonymous
                                .withToken(newToken)
                                .get("/v1/products/" + id)
                                .send()
                                .status())
                        .isEqualTo(200);
                restarted.terminate();
                assertThat(restarted.waitForExit(Duration.ofSeconds(30))).isTrue();
            }

            // The README's "Lost the generated admin secret?": name the generated client with a new secret.
            String replacement = "a-new-admin-secret-" + java.util.UUID.randomUUID();
            String[] reset = fresh.clone();
            reset[2] = "--stockroom.identity.bootstrap.admin-client-id=stockroom-admin";
            reset[3] = "--stockroom.identity.bootstrap.admin-client-secret=" + replacement;
            try (var afterReset = ServiceProcess.start(reset)) {
                var anonymous = afterReset.api().anonymous();
                assertThat(anonymous
                                .tokenRequest("stockroom-admin", secret, "grant_type=client_credentials")
                                .status())
                        .as("the lost secret no longer works")
                        .isEqualTo(401);
                String token = anonymous.clientToken("stockroom-admin", replacement, null);
                assertThat(anonymous
                                .withToken(token)
                                .get("/v1/products/" + id)
                                .send()
                                .status())
                        .isEqualTo(200);
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
