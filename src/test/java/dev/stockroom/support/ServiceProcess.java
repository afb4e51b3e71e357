package dev.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.StockroomApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * The service as its own process, as it runs in production (test profile, on a free port, JSON logs as
 * {@code STOCKROOM_LOG_FORMAT=json} makes them, its console in a log file): for what only a real process shows,
 * such as a SIGTERM, a SIGKILL or its log lines.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The line the service logs when it has started an embedded PostgreSQL: its data directory and its fate. */
    private static final Pattern EMBEDDED_DATABASE =
            Pattern.compile("Embedded PostgreSQL listening on port \\d+, data in (\\S+) \\((removed|kept)");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with these extra arguments ({@code --name=value}) and waits until it is ready. */
    public static ServiceProcess start(String... extra) throws IOException, InterruptedException {
        return start(List.of(), extra);
    }

    /** The same, with options for its JVM ({@code -Dname=value}) too. */
    public static ServiceProcess start(List<String> jvmOptions, String... extra)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("stockroom-process", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                // Its temporary files where the test's are (target/ in a build), not in /tmp.
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                StockroomApplication.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port));
        command.addAll(List.of(extra));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STOCKROOM_LOG_FORMAT", "json");
        var process = builder.start();
        var started = new ServiceProcess(process, port, log);
        try {
            started.awaitReady();
        } catch (AssertionError | InterruptedException | RuntimeException e) {
            started.close(); // never left running for a later test (or run) to meet
            throw e;
        }
        return started;
    }

    /**
     * Starts the packaged service as a person runs it ({@code java -jar}, no test profile) on free ports, with
     * this environment on top of the test's own, less any database settings (so it starts its embedded
     * PostgreSQL, here ephemeral), and waits until it is ready.
     */
    public static ServiceProcess startJar(Path jar, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("stockroom-jar", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("STOCKROOM_DB_") || name.startsWith("SPRING_DATASOURCE_"));
        env.put("PORT", Integer.toString(port));
        env.put("STOCKROOM_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("STOCKROOM_EMBEDDED_DB_EPHEMERAL", "true");
        env.put(
                "STOCKROOM_EMBEDDED_DB_DIR",
                Files.createTempDirectory("stockroom-jar-db").toString());
        env.putAll(environment);
        var started = new ServiceProcess(builder.start(), port, log);
        try {
            started.awaitReady();
        } catch (AssertionError | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public int port() {
        return port;
    }

    /** An {@link Api} of this process, with the test admin's token. */
    public Api api() {
        return new Api(port);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits until the log has a line with the text. */
    public void awaitLogLine(String text) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (log().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line with '" + text + "':\n" + log());
    }

    /** SIGTERM: the service shuts down gracefully. */
    public void terminate() {
        process.destroy();
    }

    /**
     * SIGKILL: the process dies at once, with nothing finished or flushed. Its embedded PostgreSQL, a process of
     * its own, keeps running until {@link #killDatabase()} or {@link #close()}.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Kills the embedded PostgreSQL the process started (as a crash of the machine would: a restart recovers the
     * database from its files), found through the data directory its log names. Nothing when it used a server.
     */
    public void killDatabase() {
        var started = EMBEDDED_DATABASE.matcher(log());
        while (started.find()) {
            Path pidFile = Path.of(started.group(1), "postmaster.pid");
            try {
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(
                            Files.readAllLines(pidFile).getFirst().strip());
                    var postgres = ProcessHandle.of(pid)
                            .filter(handle -> handle.info()
                                    .commandLine()
                                    .orElse("")
                                    .contains(started.group(1))); // not another process that took a stale pid
                    if (postgres.isPresent()) {
                        postgres.get().destroyForcibly();
                        postgres.get().onExit().get(30, TimeUnit.SECONDS);
                    }
                }
                if (started.group(2).startsWith("removed")) {
                    FileSystemUtils.deleteRecursively(Path.of(started.group(1)));
                }
            } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("could not stop the embedded PostgreSQL in " + started.group(1), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The exit status, once {@link #waitForExit} said it ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean waitForExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitReady() throws InterruptedException {
        var anonymous = new Api(port).anonymous();
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(this::log).isTrue();
            try {
                if (anonymous.get("/actuator/health/readiness").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready:\n" + log());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Kills the process, and its embedded PostgreSQL with it, and deletes its log (it may hold a generated secret):
     * a test leaves nothing running or written behind.
     */
    @Override
    public void close() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            killDatabase();
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not delete " + log, e);
            }
        }
    }
}
