package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.Products;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
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

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermLetsRequestsInFlightFinishAndLogsAreJson() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("stockroom-process", ".log");
        process = start(port, log);
        awaitReady(new Api(port).anonymous(), log);
        var api = new Api(port);

        var inFlight = CompletableFuture.supplyAsync(() -> api.get("/test/slow?millis=3000")
                .header("X-Request-Id", "slow-request-1")
                .send());
        awaitLogLine(log, "Slow request started");
        process.destroy(); // SIGTERM

        var response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<JsonNode> lines = Files.readAllLines(log).stream()
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
    }

    @Test
    @DisabledIfEnvironmentVariable(
            named = "STOCKROOM_DB_URL",
            matches = ".+",
            disabledReason = "embedded database only")
    void firstStartPrintsGeneratedCredentialsOnceAndDataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-data");
        String[] fresh = {
            "--stockroom.embedded-db.ephemeral=false",
            "--stockroom.embedded-db.data-dir=" + dataDir,
            "--stockroom.bootstrap.admin-client-id=",
            "--stockroom.bootstrap.admin-client-secret=",
            "--stockroom.bootstrap.admin-email=",
            "--stockroom.bootstrap.admin-password="
        };
        try {
            int port = freePort();
            Path log = Files.createTempFile("stockroom-process", ".log");
            process = start(port, log, fresh);
            var anonymous = new Api(port).anonymous();
            awaitReady(anonymous, log);
            var printed = Pattern.compile("client_secret=(\\S+)").matcher(readQuietly(log));
            assertThat(printed.find()).as(() -> readQuietly(log)).isTrue();
            String token = anonymous.clientToken("stockroom-admin", printed.group(1), null);
            var api = anonymous.withToken(token);
            String id = Products.create(api, Products.aWidget());
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            int again = freePort();
            Path secondLog = Files.createTempFile("stockroom-process", ".log");
            process = start(again, secondLog, fresh);
            var restarted = new Api(again).anonymous();
            awaitReady(restarted, secondLog);

            assertThat(readQuietly(secondLog)).doesNotContain("client_secret=");
            String newToken = restarted.clientToken("stockroom-admin", printed.group(1), null);
            assertThat(restarted
                            .withToken(newToken)
                            .get("/v1/products/" + id)
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            stop();
            process = null;
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static Process start(int port, Path log, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StockroomApplication.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--logging.structured.format.console=ecs"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitReady(Api api, Path log) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(() -> readQuietly(log)).isTrue();
            try {
                if (api.get("/actuator/health/readiness").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready:\n" + readQuietly(log));
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (readQuietly(log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line with '" + text + "':\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
