package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.BrokerQueue;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.MutableClock;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.PortForward;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Events to RabbitMQ, against the server at localhost:5672 (skipped when none answers there): what a queue bound
 * to the exchange receives, that a rolled-back change publishes nothing, and that nothing is lost while the
 * broker cannot be reached. The server is shared with other tests and builds: each test binds queues of its
 * own and picks out its own messages.
 */
@ApiTest
@TestPropertySource(properties = "stockroom.events.amqp-url=" + BrokerQueue.URL)
class EventBrokerIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventOutbox outbox;

    @BeforeAll
    static void needsABroker() {
        assumeTrue(BrokerQueue.brokerAnswers(), "no RabbitMQ answers at localhost:5672");
    }

    @Test
    void aPlacedOrderReachesQueuesBoundToTheExchangeAsTheWebhookEnvelope() {
        try (var orders = BrokerQueue.bound("order.#");
                var everything = BrokerQueue.bound("#")) {
            String customer = CustomerData.create(api);
            String product = ProductData.create(api, ProductData.aWidget());

            String order = OrderData.place(api, customer, product, 1);

            var placed = orders.await(message -> order.equals(message.dataId()), SOON);
            assertThat(placed.routingKey()).isEqualTo("order.placed");
            JsonNode body = placed.json();
            assertThat(fieldNames(body)).isEqualTo(Set.of("type", "timestamp", "data"));
            assertThat(body.path("type").asString()).isEqualTo("order.placed");
            assertThat(body.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(body.path("data").path("status").asString()).isEqualTo("pending");
            var asTheApiAnswers = api.get("/v1/orders/" + order).send().json();
            assertThat(fieldNames(body.path("data"))).isEqualTo(fieldNames(asTheApiAnswers));

            var properties = placed.properties();
            assertThat(properties.getDeliveryMode()).isEqualTo(2);
            assertThat(properties.getContentType()).isEqualTo("application/json");
            assertThat(properties.getType()).isEqualTo("order.placed");
            assertThat(properties.getTimestamp()).isNotNull();
            UUID row = UUID.fromString(properties.getMessageId());
            assertThat(awaitStatus(row, "published")).isEqualTo("published");

            assertThat(everything
                            .await(message -> customer.equals(message.dataId()), SOON)
                            .routingKey())
                    .isEqualTo("customer.created");
            assertThat(everything
                            .await(message -> product.equals(message.dataId()), SOON)
                            .routingKey())
                    .isEqualTo("product.created");
            assertThat(everything
                            .await(message -> order.equals(message.dataId()), SOON)
                            .properties()
                            .getMessageId())
                    .isEqualTo(row.toString());
            assertThat(orders.received())
                    .allSatisfy(message -> assertThat(message.routingKey()).startsWith("order."));
        }
    }

    @Test
    void aChangeThatRollsBackPublishesNothing() {
        try (var products = BrokerQueue.bound("product.*")) {
            var doomed = ProductData.aWidget();
            String sku = (String) doomed.get("sku");

            var failed = api.post("/test/product-then-fail", doomed).send();
            assertThat(failed.status()).isEqualTo(500);
            String after = ProductData.create(api, ProductData.aWidget());

            products.await(message -> after.equals(message.dataId()), SOON);
            Webhooks.sleep(300);
            assertThat(products.received()).noneMatch(message -> message.body().contains(sku));
            assertThat(jdbc.sql("select count(*) from event_outbox where payload like :sku")
                            .param("sku", "%" + sku + "%")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    /**
     * A relay of its own, on a clock an hour ahead, claims rows written for that hour, which the context's relay
     * leaves alone: first with the broker's port closed, then through a forwarder that opens it, then with the
     * connection cut under it.
     */
    @Test
    void whileTheBrokerCannotBeReachedRowsStayPendingAndArePublishedOnceItAnswers() {
        var clock = new MutableClock(Instant.now().plus(Duration.ofHours(1)));
        int port = PortForward.freePort();
        var relay = new EventRelay(
                outbox, EventBrokerConfiguration.connectionFactory("amqp://guest:guest@127.0.0.1:" + port), clock);
        try (var everything = BrokerQueue.bound("webhook.test")) {
            String first = testEvent(clock.instant());

            assertThat(relay.pollOnce()).isZero();
            var refused = row(first);
            assertThat(refused.status()).isEqualTo("pending");
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.lastError()).contains("Connection refused");
            assertThat(refused.nextAttemptAt()).isAfter(clock.instant());
            assertThat(relay.pollOnce()).as("not due again before its backoff").isZero();
            assertThat(row(first).attempts()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(2));
            relay.pollOnce();
            assertThat(row(first).status()).isEqualTo("pending");
            assertThat(row(first).attempts()).isEqualTo(2);

            try (var broker = PortForward.open(port, BrokerQueue.HOST, BrokerQueue.PORT)) {
                clock.advance(Duration.ofMinutes(2));
                assertThat(relay.pollOnce()).isPositive();

                assertThat(row(first).status()).isEqualTo("published");
                var message = everything.await(received -> received.body().contains(first), SOON);
                assertThat(message.properties().getMessageId())
                        .isEqualTo(row(first).id().toString());

                broker.dropConnections();
                String second = testEvent(clock.instant());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!row(second).status().equals("published") && System.nanoTime() < deadline) {
                    relay.pollOnce();
                    clock.advance(Duration.ofMinutes(2));
                    Webhooks.sleep(200);
                }
                assertThat(row(second).status())
                        .as("published after the client reconnected")
                        .isEqualTo("published");
                everything.await(received -> received.body().contains(second), SOON);
            }
        } finally {
            relay.stop();
        }
    }

    /** Writes a {@code webhook.test} event (no consumer of the shared exchange acts on it); answers its marker. */
    private String testEvent(Instant at) {
        String marker = "EventBrokerIT " + UUID.randomUUID();
        outbox.add(
                EventType.TEST,
                Api.JSON.writeValueAsString(
                        Map.of("type", "webhook.test", "timestamp", at.toString(), "data", Map.of("message", marker))),
                at);
        return marker;
    }

    record Row(UUID id, String status, int attempts, String lastError, Instant nextAttemptAt) {}

    private Row row(String marker) {
        return jdbc.sql("select id, status, attempts, last_error, next_attempt_at from event_outbox"
                        + " where payload like :marker")
                .param("marker", "%" + marker + "%")
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()))
                .single();
    }

    private String awaitStatus(UUID id, String status) {
        long deadline = System.nanoTime() + SOON.toNanos();
        String current;
        do {
            current = jdbc.sql("select status from event_outbox where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            if (current.equals(status)) {
                return current;
            }
            Webhooks.sleep(50);
        } while (System.nanoTime() < deadline);
        return current;
    }

    private static Set<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().collect(Collectors.toSet());
    }
}
