package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.Scrape;
import dev.stockroom.support.WebhookTest;
import dev.stockroom.support.Webhooks;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code stockroom.webhooks.deliveries}: every attempt the worker makes is counted once, by what came of it. */
@WebhookTest
class DeliveryMetricsIT {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Autowired
    Api api;

    Webhooks webhooks;

    @BeforeEach
    void setUp() {
        webhooks = new Webhooks(api);
    }

    @AfterEach
    void cleanUp() {
        webhooks.cleanUp();
    }

    @Test
    void everyAttemptIsCountedByItsOutcome() {
        String succeeding =
                webhooks.subscribe(Receiver.answering(200), "product.created").at("/id");
        String refusing =
                webhooks.subscribe(Receiver.answering(400), "product.created").at("/id");
        String gone =
                webhooks.subscribe(Receiver.answering(410), "product.created").at("/id");
        String failing =
                webhooks.subscribe(Receiver.answering(503), "product.created").at("/id");
        var before = Scrape.of(api);

        ProductData.create(api, ProductData.aWidget());
        webhooks.awaitDelivery(succeeding, page -> "succeeded".equals(page.at("/data/0/status")), SOON);
        webhooks.awaitDelivery(refusing, page -> "failed".equals(page.at("/data/0/status")), SOON);
        webhooks.awaitDelivery(gone, page -> "failed".equals(page.at("/data/0/status")), SOON);
        // max-attempts is 3 in webhook tests: two retries, then dead.
        webhooks.awaitDelivery(failing, page -> "dead".equals(page.at("/data/0/status")), SOON);
        var after = Scrape.of(api);

        var counted = new TreeMap<String, Double>();
        for (String outcome : after.labelValues("stockroom_webhooks_deliveries_total", "outcome")) {
            counted.put(
                    outcome,
                    after.value("stockroom_webhooks_deliveries_total", "outcome", outcome)
                            - before.value("stockroom_webhooks_deliveries_total", "outcome", outcome));
        }
        assertThat(counted)
                .isEqualTo(Map.of("succeeded", 1.0, "failed", 1.0, "disabled", 1.0, "retried", 2.0, "dead", 1.0));
    }
}
