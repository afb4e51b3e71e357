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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
        var api = new Api(port);
        awaitReady(api, log);

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
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-data");
        try {
            int port = freePort();
            Path log = Files.createTempFile("stockroom-process", ".log");
            process = start(
                    port,
                    log,
                    "--stockroom.embedded-db.ephemeral=false",
                    "--stockroom.embedded-db.data-dir=" + dataDir);
            var api = new Api(port);
            awaitReady(api, log);
            String id = Products.create(api, Products.aWidget());
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            int again = freePort();
            process = start(
                    again,
                    log,
                    "--stockroom.embedded-db.ephemeral=false",
                    "--stockroom.embedded-db.data-dir=" + dataDir);
            var restarted = new Api(again);
            awaitReady(restarted, log);

            assertThat(restarted.get("/v1/products/" + id).send().status()).isEqualTo(200);
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
