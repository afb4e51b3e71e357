import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenTelemetry collector for the image's scripts (train.sh, prove.sh, startup.sh): the image's start
 * is processed ahead of time for an OTLP endpoint, as deploy/k8s and deploy/compose.yaml set one. Listens on
 * 127.0.0.1 on a free port, answers every OTLP/HTTP export with 200 and an empty (successful) response, and
 * counts the exports. Run as a source file: {@code java OtlpSink.java PORT_FILE COUNT_FILE}; writes its port to
 * PORT_FILE once it listens and the number of exports so far to COUNT_FILE after each; runs until stopped.
 */
class OtlpSink {

    public static void main(String[] args) throws Exception {
        Path countFile = Path.of(args[1]);
        var exports = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            synchronized (countFile) {
                Files.writeString(countFile, Integer.toString(exports.incrementAndGet()));
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        Path written = Files.writeString(Path.of(args[0] + ".partial"), Integer.toString(port));
        Files.move(written, Path.of(args[0]));
    }
}
