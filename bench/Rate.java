import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: {@code java bench/Rate.java BASE_URL RATE SECONDS IDS_FILE} sends GET /v1/products/{id} for
 * random ids at a fixed arrival rate, whatever the answers take (unlike wrk, whose connections wait for their
 * answer before they send again), and prints the latency percentiles measured from the moment each request was
 * due, so a stall is counted in full rather than hidden (no coordinated omission).
 *
 * <p>Cheap enough to share two cores with the service: plain HTTP/1.1 over kept-alive sockets, each request on a
 * virtual thread that takes an idle connection (64 are opened first, up to 128 when all are busy; a request waiting
 * for one is late, and its wait counts) and blocks on it. The first five seconds warm up and are not counted.
 * Bounded: that and SECONDS of arrivals, then at most 15 s for the last answers; at most 2,000 requests in flight
 * (any beyond count as dropped, and errors). The access token comes from {@code TOKEN}.
 */
public class Rate {

    /** As many as wrk's connections in bench/run.sh, opened before the first request; more only if all are busy. */
    private static final int CONNECTIONS = 64;

    private static final int MAX_CONNECTIONS = 128;
    private static final int MAX_IN_FLIGHT = 2000;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String> ids = Files.readAllLines(Path.of(args[3]));
        String token = System.getenv("TOKEN");
        var address = new InetSocketAddress(base.getHost(), base.getPort());
        var idle = new ConcurrentLinkedQueue<Connection>();
        var opened = new AtomicInteger();
        for (int i = 0; i < CONNECTIONS; i++) {
            idle.add(new Connection(address));
            opened.incrementAndGet();
        }
        // The first seconds warm this JVM up (and the connections); they are sent but not counted.
        int warmUp = rate * Math.min(5, seconds);
        int total = warmUp + rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        var inFlight = new AtomicInteger();
        var errors = new AtomicLong();
        var dropped = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                dropped.incrementAndGet();
                continue;
            }
            int n = i;
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            inFlight.incrementAndGet();
            Thread.startVirtualThread(() -> {
                try {
                    Connection connection = idle.poll();
                    while (connection == null) {
                        if (opened.incrementAndGet() <= MAX_CONNECTIONS) {
                            connection = new Connection(address);
                        } else {
                            opened.decrementAndGet();
                            Thread.sleep(1);
                            connection = idle.poll();
                        }
                    }
                    int status;
                    try {
                        status = connection.get("/v1/products/" + id, token, address);
                    } catch (IOException e) {
                        connection.close();
                        opened.decrementAndGet();
                        throw e;
                    }
                    latencies[n] = System.nanoTime() - due;
                    if (connection.reusable) {
                        idle.add(connection);
                    } else { // the server ends kept-alive connections after so many requests (Tomcat: 100)
                        connection.close();
                        opened.decrementAndGet();
                    }
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    latencies[n] = System.nanoTime() - due;
                    errors.incrementAndGet();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long[] done = Arrays.stream(latencies, warmUp, total)
                .filter(latency -> latency >= 0)
                .sorted()
                .toArray();
        double elapsed = (System.nanoTime() - start) / 1e9 - Math.min(5, seconds);
        System.out.printf(
                "rate %d/s for %d s: %d answered (%.0f/s), %d errors, %d dropped, %d unanswered, %d connections%n",
                rate, seconds, done.length, done.length / elapsed, errors.get(), dropped.get(), inFlight.get(),
                opened.get());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            System.out.printf("p%s %.2f ms%n", p == 99.9 ? "99.9" : Integer.toString((int) p), percentile(done, p));
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** One kept-alive HTTP/1.1 connection, used by one request at a time. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        boolean reusable = true;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        /** Sends the GET, reads the whole answer (status line, headers, Content-Length body), answers its status. */
        int get(String path, String token, InetSocketAddress address) throws IOException {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                    + "\r\nAccept: application/json\r\nAuthorization: Bearer " + token + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Connection")) {
                    reusable = !header.toLowerCase().contains("close");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = header.toLowerCase().contains("chunked");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private void skip(long count) throws IOException {
            long left = count;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            var line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }
}
