package dev.stockroom.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A webhook receiver on loopback, started by a test: it records every request and answers as told (a status
 * per request, or never; a 429 asks for {@code Retry-After: 2}, a redirect points at the cloud metadata
 * address). Closing it stops it at once.
 */
public final class Receiver implements AutoCloseable {

    /** What one request brought. */
    public record Received(Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    /** How the receiver answers the n-th request (0 for the first): a status, or -1 to never answer. */
    public interface Script extends Function<Integer, Integer> {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Script script;

    private Receiver(InetAddress address, Script script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static Receiver answering(int status) {
        return scripted(n -> status);
    }

    public static Receiver scripted(Script script) {
        return on("127.0.0.1", script);
    }

    public static Receiver on(String address, Script script) {
        try {
            return new Receiver(InetAddress.getByName(address), script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/hooks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} requests came, or the time is up; answers what came. */
    public List<Received> await(int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int index;
        synchronized (received) {
            index = received.size();
            received.add(new Received(
                    exchange.getRequestHeaders().entrySet().stream()
                            .collect(Collectors.toMap(
                                    entry -> entry.getKey().toLowerCase(java.util.Locale.ROOT),
                                    entry -> String.join(",", entry.getValue()))),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Instant.now()));
        }
        int status = script.apply(index);
        if (status < 0) {
            try {
                stop.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "2");
        }
        if (status >= 300 && status < 400) {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        stop.countDown();
        server.stop(0);
    }
}
