import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Seeds the catalog through the public API: {@code java bench/Seed.java BASE_URL COUNT IDS_FILE}. Writes the
 * ids of the products it created, one a line, for the load scripts. The access token comes from {@code TOKEN}.
 */
public class Seed {

    /** Every product starts with this stock plus its number modulo 50, so run.sh can check that none was oversold. */
    static final int STOCK = 1000;

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var ids = Collections.synchronizedList(new ArrayList<String>());
        var permits = new Semaphore(32);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                permits.acquire();
                pool.submit(() -> {
                    try {
                        String body = """
                                {"sku":"BENCH-%s-%05d","name":"Bench product %05d","description":"Seeded for the benchmark.",\
                                "price":%d.%02d,"stock":%d}"""
                                .formatted(run, n, n, 1 + n % 500, n % 100, STOCK + n % 50);
                        var request = HttpRequest.newBuilder(URI.create(base + "/v1/products"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + System.getenv("TOKEN"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                        var id = ID.matcher(response.body());
                        if (id.find()) {
                            ids.add(id.group(1));
                        }
                        return null;
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (ids.size() != count) {
            throw new IllegalStateException("created " + ids.size() + " of " + count + " products");
        }
        Files.write(out, List.copyOf(ids));
        System.out.println("Seeded " + ids.size() + " products");
    }
}
