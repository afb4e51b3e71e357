package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.SecondInstance;
import dev.stockroom.support.WebhookTest;
import dev.stockroom.support.Webhooks;
import java.time.Duration;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two instances on one database, both sending: every attempt is made once, by one of them. */
@WebhookTest
class WebhookInstancesIT {

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Test
    void twoInstancesDeliverEveryMessageOnce() {
        var receiver = Receiver.answering(200);
        var webhooks = new Webhooks(api);
        try (var second = SecondInstance.sharing(dataSource, Webhooks.arguments())) {
            var other = new Api(second.port());
            webhooks.subscribe(receiver, "product.created");
            int products = 30;
            for (int i = 0; i < products; i++) {
                ProductData.create(i % 2 == 0 ? api : other, ProductData.aWidget());
            }

            var received = receiver.await(products + products / 3, Duration.ofSeconds(20));
            Webhooks.sleep(2000);

            var attempts = receiver.received().stream()
                    .collect(Collectors.groupingBy(message -> message.header("webhook-id"), Collectors.counting()));
            assertThat(attempts).hasSize(products);
            // A message answered 500 is sent again, once; none is sent twice at the same time.
            long retried =
                    attempts.values().stream().filter(count -> count == 2).count();
            assertThat(attempts.values()).allMatch(count -> count <= 2);
            assertThat(receiver.received()).hasSize((int) (products + retried));
            assertThat(received).isNotEmpty();
        } finally {
            webhooks.cleanUp();
        }
    }
}
