import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: {@code java bench/Rate.java BASE_URL RATE SECONDS IDS_FILE} sends GET /v1/products/{id} for
 * random ids at a fixed arrival rate, whatever the answers take (unlike wrk, whose connections wait for their
 * answer before they send again), and prints the latency percentiles measured from the moment each request was
 * due, so a stall is counted in full rather than hidden (no coordinated omission). Bounded: at most SECONDS, and
 * at most 2,000 requests in flight (those beyond count as dropped). The access token comes from {@code TOKEN}.
 */
public class Rate {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String> ids = Files.readAllLines(Path.of(args[3]));
        String token = System.getenv("TOKEN");
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        int total = rate * seconds;
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
            if (inFlight.get() >= 2000) {
                dropped.incrementAndGet();
                continue;
            }
            int n = i;
            inFlight.incrementAndGet();
            var request = HttpRequest.newBuilder(URI.create(
                            base + "/v1/products/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[n] = System.nanoTime() - due;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                inFlight.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long[] done = Arrays.stream(latencies).filter(latency -> latency >= 0).sorted().toArray();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "rate %d/s for %d s: %d answered (%.0f/s), %d errors, %d dropped, %d unanswered%n",
                rate, seconds, done.length, done.length / elapsed, errors.get(), dropped.get(), inFlight.get());
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
}
