package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs the service as its own process, as it runs in production, to check what only a real process shows:
 * structured JSON logs with one setting, and a SIGTERM that lets requests in flight finish.
 */
class ProcessLifecycleIT {

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
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

    private static Process start(int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StockroomApplication.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--logging.structured.format.console=ecs");
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
