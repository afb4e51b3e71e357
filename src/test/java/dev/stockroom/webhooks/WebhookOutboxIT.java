package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.ServiceProcess;
import dev.stockroom.support.Webhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The outbox outlives the process that wrote it: a delivery committed before a SIGKILL is sent after the
 * restart. The database is the embedded one in a directory that survives the process (or the server named by
 * {@code STOCKROOM_DB_URL}).
 */
class WebhookOutboxIT {

    @Test
    void aDeliveryCommittedBeforeASigkillIsSentAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("stockroom-outbox");
        var receiver = Receiver.answering(200);
        try {
            String subscription;
            String secret;
            String product;
            // The first process never sends (its worker is off): whatever it committed waits in the outbox.
            try (var first = ServiceProcess.start(arguments(dataDir, false))) {
                var created = new Webhooks(first.api()).subscribe(receiver, "product.created");
                subscription = created.at("/id");
                secret = created.at("/secret");
                product = ProductData.create(first.api(), ProductData.aWidget());
                first.kill();
                first.killDatabase(); // as a crash of the machine would: the restart recovers from the files
            }
            assertThat(receiver.received()).isEmpty();

            try (var second = ServiceProcess.start(arguments(dataDir, true))) {
                var delivered = receiver.await(1, Duration.ofSeconds(20));

                assertThat(delivered).as(second::log).hasSize(1);
                assertThat(delivered.getFirst().body()).contains(product);
                Webhooks.verify(secret, delivered.getFirst());
                second.api().delete("/v1/webhook-subscriptions/" + subscription).send();
            }
        } finally {
            receiver.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static String[] arguments(Path dataDir, boolean worker) {
        return Stream.concat(
                        Stream.of(Webhooks.arguments())
                                .filter(argument -> !argument.startsWith("--stockroom.webhooks.worker=")),
                        Stream.of(
                                "--stockroom.embedded-db.ephemeral=false",
                                "--stockroom.embedded-db.data-dir=" + dataDir,
                                "--stockroom.webhooks.worker=" + worker))
                .toArray(String[]::new);
    }
}
