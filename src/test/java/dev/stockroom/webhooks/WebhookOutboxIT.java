package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.ServiceProcess;
import dev.stockroom.support.Webhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The outbox outlives the process that wrote it: a delivery committed before a SIGKILL is sent after the
 * restart. The database is the embedded one in a directory that survives the process, or, when the suite runs
 * on the server named by {@code STOCKROOM_DB_URL}, a database of its own there: in the suite's shared one the
 * test contexts' own workers would send the delivery while the first process has its worker off.
 */
class WebhookOutboxIT {

    @Test
    void aDeliveryCommittedBeforeASigkillIsSentAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-outbox");
        var receiver = Receiver.answering(200);
        var database = OwnDatabase.onTheSuitesServer();
        try {
            String subscription;
            String secret;
            String product;
            // The first process never sends (its worker is off): whatever it committed waits in the outbox.
            try (var first = ServiceProcess.start(arguments(dataDir, database, false))) {
                var created = new Webhooks(first.api()).subscribe(receiver, "product.created");
                subscription = created.at("/id");
                secret = created.at("/secret");
                product = ProductData.create(first.api(), ProductData.aWidget());
                first.kill();
                first.killDatabase(); // as a crash of the machine would: the restart recovers from the files
            }
            assertThat(receiver.received()).isEmpty();

            try (var second = ServiceProcess.start(arguments(dataDir, database, true))) {
                var delivered = receiver.await(1, Duration.ofSeconds(20));

                assertThat(delivered).as(second::log).hasSize(1);
                assertThat(delivered.getFirst().body()).contains(product);
                Webhooks.verify(secret, delivered.getFirst());
                second.api().delete("/v1/webhook-subscriptions/" + subscription).send();
            }
        } finally {
            receiver.close();
            FileSystemUtils.deleteRecursively(dataDir);
            database.drop();
        }
    }

    private static String[] arguments(Path dataDir, OwnDatabase database, boolean worker) {
        return Stream.of(
                        Stream.of(Webhooks.arguments())
                                .filter(argument -> !argument.startsWith("--stockroom.webhooks.worker=")),
                        Stream.of(
                                "--stockroom.embedded-db.ephemeral=false",
                                "--stockroom.embedded-db.data-dir=" + dataDir,
                                "--stockroom.webhooks.worker=" + worker),
                        database.arguments())
                .flatMap(arguments -> arguments)
                .toArray(String[]::new);
    }

    /** A fresh database on the server of {@code STOCKROOM_DB_URL}, or nothing when the suite runs embedded. */
    private record OwnDatabase(
            @Nullable String url, @Nullable String name) {

        static OwnDatabase onTheSuitesServer() throws SQLException {
            String server = System.getenv("STOCKROOM_DB_URL");
            if (server == null || server.isBlank()) {
                return new OwnDatabase(null, null);
            }
            String name = "stockroom_outbox_" + UUID.randomUUID().toString().replace("-", "");
            try (var connection = connect(server)) {
                connection.createStatement().execute("create database " + name);
            }
            return new OwnDatabase(server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), name);
        }

        Stream<String> arguments() {
            return url == null ? Stream.of() : Stream.of("--spring.datasource.url=" + url);
        }

        void drop() throws SQLException {
            String server = System.getenv("STOCKROOM_DB_URL");
            if (name != null && server != null) {
                try (var connection = connect(server)) {
                    connection.createStatement().execute("drop database if exists " + name + " with (force)");
                }
            }
        }

        private static Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(
                    url,
                    Objects.requireNonNullElse(System.getenv("STOCKROOM_DB_USER"), ""),
                    Objects.requireNonNullElse(System.getenv("STOCKROOM_DB_PASSWORD"), ""));
        }
    }
}
