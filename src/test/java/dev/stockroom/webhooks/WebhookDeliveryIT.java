package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.Receiver;
import dev.stockroom.support.WebhookTest;
import dev.stockroom.support.Webhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against receivers this test starts on loopback: what they receive, signed how, retried when, and
 * what never reaches them.
 */
@WebhookTest
class WebhookDeliveryIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

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
    void everyEventTypeArrivesSignedWithTheResourceAsTheApiAnswersIt() {
        var receiver = Receiver.answering(200);
        String secret = webhooks.subscribe(receiver, "*").at("/secret");

        String product = ProductData.create(api, ProductData.aProduct("Webhook widget", "5.00", 10));
        assertThat(api.patch("/v1/products/" + product, Map.of("price", 6))
                        .send()
                        .status())
                .isEqualTo(200);
        api.post("/v1/products/" + product + "/stock-adjustments", Map.of("delta", 5, "reason", "restock"))
                .send();
        String customer = CustomerData.create(api);
        assertThat(api.patch("/v1/customers/" + customer, Map.of("phone", "+44 20 0000 0000"))
                        .send()
                        .status())
                .isEqualTo(200);
        String order = OrderData.place(api, customer, product, 2);
        for (String step : List.of("confirm", "ship", "deliver")) {
            assertThat(api.post("/v1/orders/" + order + "/" + step, "").send().status())
                    .isEqualTo(200);
        }
        String cancelled = OrderData.place(api, customer, product, 1);
        assertThat(api.post("/v1/orders/" + cancelled + "/cancel", "").send().status())
                .isEqualTo(200);
        String doomed = ProductData.create(api, ProductData.aWidget());
        assertThat(api.delete("/v1/products/" + doomed).send().status()).isEqualTo(204);
        String lastOne = ProductData.create(api, ProductData.aProduct("The last one", "9.00", 1));
        OrderData.place(api, customer, lastOne, 1);
        String leaving = CustomerData.create(api);
        assertThat(api.delete("/v1/customers/" + leaving).send().status()).isEqualTo(204);

        Set<String> expected = Set.of(
                "product.created",
                "product.updated",
                "product.deleted",
                "stock.adjusted",
                "stock.low",
                "customer.created",
                "customer.updated",
                "customer.deleted",
                "order.placed",
                "order.confirmed",
                "order.shipped",
                "order.delivered",
                "order.cancelled");
        var received = awaitTypes(receiver, expected);

        assertThat(received).allSatisfy(message -> {
            Webhooks.verify(secret, message);
            assertThat(message.header("webhook-id")).startsWith("msg_");
            assertThat(message.header("content-type")).startsWith("application/json");
        });
        var placed = Api.JSON.readTree(only(received, "order.placed", order).body());
        var asTheApiAnswers = api.get("/v1/orders/" + order).send().json();
        assertThat(placed.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(placed.path("data").path("id").asString()).isEqualTo(order);
        assertThat(placed.path("data").path("status").asString()).isEqualTo("pending");
        assertThat(placed.path("data").path("version").asLong()).isEqualTo(1);
        assertThat(fieldNames(placed.path("data"))).isEqualTo(fieldNames(asTheApiAnswers));
        var delivered =
                Api.JSON.readTree(only(received, "order.delivered", order).body());
        assertThat(delivered.path("data").path("version").asLong())
                .isGreaterThan(placed.path("data").path("version").asLong());
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingGapsUntilItTakesTheMessage() {
        var receiver = Receiver.scripted(n -> n < 2 ? 500 : 200);
        webhooks.subscribe(receiver, "product.created");

        ProductData.create(api, ProductData.aWidget());
        var attempts = receiver.await(3, SOON);
        Webhooks.sleep(1500); // nothing more comes once it succeeded

        assertThat(receiver.received()).hasSize(3);
        assertThat(attempts.stream().map(a -> a.header("webhook-id")).distinct())
                .hasSize(1);
        var first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        var second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aReceiverThatAsksToSlowDownIsAnsweredAfterItsRetryAfter() {
        var receiver = Receiver.scripted(n -> n == 0 ? 429 : 200);
        webhooks.subscribe(receiver, "product.created");

        ProductData.create(api, ProductData.aWidget());
        var attempts = receiver.await(2, SOON);

        assertThat(attempts).hasSize(2);
        // The backoff alone would try again within 300 ms.
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void aRefusalIsNotRetried() {
        var receiver = Receiver.answering(400);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");

        ProductData.create(api, ProductData.aWidget());
        var failed = webhooks.awaitDelivery(subscription, page -> "failed".equals(page.at("/data/0/status")), SOON);
        Webhooks.sleep(800);

        assertThat(failed.at("/data/0/attempts")).isEqualTo("1");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aDeadDeliveryIsListedAndCanBeSentAgain() {
        var receiver = Receiver.scripted(n -> n < 3 ? 503 : 200);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");
        ProductData.create(api, ProductData.aWidget());

        var dead = webhooks.awaitDelivery(subscription, page -> "dead".equals(page.at("/data/0/status")), SOON);
        assertThat(dead.json().path("data").get(0).path("attempts").asInt()).isEqualTo(3);
        assertThat(dead.json().path("data").get(0).path("last_status_code").asInt())
                .isEqualTo(503);

        String delivery = dead.at("/data/0/id");
        var retried =
                api.post("/v1/webhook-deliveries/" + delivery + "/retry", "").send();
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.at("/status")).isEqualTo("pending");
        webhooks.awaitDelivery(subscription, page -> "succeeded".equals(page.at("/data/0/status")), SOON);
        assertThat(receiver.received()).hasSize(4);

        var again =
                api.post("/v1/webhook-deliveries/" + delivery + "/retry", "").send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/status")).isEqualTo("succeeded");
    }

    @Test
    void aCircuitBreakerStopsHammeringAFailingReceiverAndProbesItUntilItRecovers() {
        var healthy = new java.util.concurrent.atomic.AtomicBoolean(false);
        var receiver = Receiver.scripted(n -> healthy.get() ? 200 : 503);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");
        for (int i = 0; i < 4; i++) {
            ProductData.create(api, ProductData.aWidget());
        }

        var first = receiver.await(1, SOON).getFirst().at();
        Webhooks.sleep(2500);
        // Without the breaker: 4 deliveries x 3 attempts, all within about 2 s (waits of 300 ms, then 1.8 s).
        long within = receiver.received().stream()
                .filter(message -> message.at().isBefore(first.plusMillis(2500)))
                .count();
        assertThat(within).isBetween(4L, 7L);

        healthy.set(true);
        webhooks.awaitDelivery(
                subscription,
                page -> page.json().path("data").size() == 4
                        && java.util.stream.StreamSupport.stream(
                                        page.json().path("data").spliterator(), false)
                                .allMatch(delivery -> delivery.path("status")
                                                .asString()
                                                .equals("succeeded")
                                        || delivery.path("status").asString().equals("dead")),
                Duration.ofSeconds(25));
        assertThat(receiver.received().stream().filter(message -> message.at().isAfter(first.plusMillis(2500))))
                .isNotEmpty();
    }

    @Test
    void goneDisablesTheSubscription() {
        var receiver = Receiver.answering(410);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");

        ProductData.create(api, ProductData.aWidget());
        receiver.await(1, SOON);
        var failed = webhooks.awaitDelivery(subscription, page -> "failed".equals(page.at("/data/0/status")), SOON);

        assertThat(failed.json().path("data").get(0).path("last_status_code").asInt())
                .isEqualTo(410);
        var disabled = api.get("/v1/webhook-subscriptions/" + subscription).send();
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.at("/disabled_reason")).contains("410");
        var audit = api.get("/v1/audit-events?action=webhook_subscription.disabled&resource_id=" + subscription)
                .send();
        assertThat(audit.json().path("data")).hasSize(1);
        assertThat(audit.at("/data/0/actor")).isEqualTo("system");
        ProductData.create(api, ProductData.aWidget());
        Webhooks.sleep(500);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAndDelaysNeitherOrdersNorOtherReceivers() {
        var hanging = Receiver.scripted(n -> -1);
        var healthy = Receiver.answering(200);
        String stuck = webhooks.subscribe(hanging, "order.placed").at("/id");
        webhooks.subscribe(healthy, "order.placed");
        String customer = CustomerData.create(api);
        String product = ProductData.create(api, ProductData.aWidget());

        long started = System.nanoTime();
        String order = OrderData.place(api, customer, product, 1);
        var placing = Duration.ofNanos(System.nanoTime() - started);
        hanging.await(1, SOON);
        long second = System.nanoTime();
        OrderData.place(api, customer, product, 1);
        var placingWhileStuck = Duration.ofNanos(System.nanoTime() - second);

        System.out.printf(
                "Placing an order with a receiver that never answers: %d ms, and while it hangs: %d ms%n",
                placing.toMillis(), placingWhileStuck.toMillis());
        assertThat(placing).isLessThan(Duration.ofMillis(1000));
        assertThat(placingWhileStuck).isLessThan(Duration.ofMillis(1000));
        assertThat(healthy.await(2, Duration.ofSeconds(3))).hasSize(2);
        assertThat(Api.JSON
                        .readTree(healthy.received().getFirst().body())
                        .path("data")
                        .path("id")
                        .asString())
                .isEqualTo(order);
        var timedOut = webhooks.awaitDelivery(
                stuck, page -> "timeout".equals(page.at("/data/1/last_error")), Duration.ofSeconds(8));
        assertThat(timedOut.at("/data/1/status")).isIn("pending", "dead");
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForADay() {
        var receiver = Receiver.answering(200);
        var created = webhooks.subscribe(receiver, "product.created");
        String oldSecret = created.at("/secret");

        var rotated = api.post("/v1/webhook-subscriptions/" + created.at("/id") + "/secret-rotation", "")
                .send();
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.at("/secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.at("/previous_secret_expires_at")).isNotBlank();

        ProductData.create(api, ProductData.aWidget());
        var message = receiver.await(1, SOON).getFirst();

        assertThat(message.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Webhooks.verify(newSecret, message);
        Webhooks.verify(oldSecret, message);
    }

    @Test
    void aRedirectIsNotFollowed() {
        var receiver = Receiver.answering(302);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");

        ProductData.create(api, ProductData.aWidget());
        var failed = webhooks.awaitDelivery(subscription, page -> "failed".equals(page.at("/data/0/status")), SOON);

        assertThat(failed.json().path("data").get(0).path("last_status_code").asInt())
                .isEqualTo(302);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anAddressThatTurnedPrivateIsNotConnectedTo() {
        var receiver = Receiver.answering(200);
        var inside = Receiver.on("127.0.0.2", n -> 200);
        String subscription = webhooks.subscribe(receiver, "product.created").at("/id");
        // As if the host's DNS now answered an address inside the network: the URL was checked at creation.
        jdbc.sql("update webhook_subscription set url = :url where id = :id")
                .param("url", inside.url())
                .param("id", java.util.UUID.fromString(subscription))
                .update();

        ProductData.create(api, ProductData.aWidget());
        var failed = webhooks.awaitDelivery(subscription, page -> "failed".equals(page.at("/data/0/status")), SOON);

        assertThat(failed.at("/data/0/last_error")).isEqualTo("forbidden address");
        assertThat(inside.received()).isEmpty();
        inside.close();
    }

    @Test
    void theTestEventIsSentAtOnce() {
        var receiver = Receiver.answering(204);
        var created = webhooks.subscribe(receiver, "order.shipped");

        var delivery = api.post("/v1/webhook-subscriptions/" + created.at("/id") + "/test", "")
                .send();

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.at("/status")).isEqualTo("succeeded");
        assertThat(delivery.at("/event_type")).isEqualTo("webhook.test");
        assertThat(receiver.received()).hasSize(1);
        Webhooks.verify(created.at("/secret"), receiver.received().getFirst());
        assertThat(Webhooks.typeOf(receiver.received().getFirst())).isEqualTo("webhook.test");
    }

    @Test
    void aBoundClientsSubscriptionNeverHearsOfAnotherCustomer() {
        String mine = CustomerData.create(api);
        String theirs = CustomerData.create(api);
        var partner = CustomerData.partnerOf(api, mine, List.of("webhooks:manage", "orders:read"));
        var receiver = Receiver.answering(200);
        webhooks.subscribe(partner, receiver, "*");
        var everything = Receiver.answering(200);
        webhooks.subscribe(everything, "order.placed", "customer.updated");
        String product = ProductData.create(api, ProductData.aWidget());

        String theirOrder = OrderData.place(api, theirs, product, 1);
        api.patch("/v1/customers/" + theirs, Map.of("phone", "+44 20 1111 1111"))
                .send();
        String myOrder = OrderData.place(api, mine, product, 1);
        everything.await(3, SOON);
        var received = receiver.await(2, SOON);
        Webhooks.sleep(500);

        assertThat(everything.received()).hasSize(3);
        assertThat(receiver.received())
                .extracting(Webhooks::typeOf)
                .containsExactlyInAnyOrder("product.created", "order.placed");
        assertThat(received.stream().map(Receiver.Received::body).collect(Collectors.joining()))
                .contains(myOrder)
                .doesNotContain(theirOrder)
                .doesNotContain(theirs);
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        var receiver = Receiver.answering(200);
        webhooks.subscribe(receiver, "product.created");

        var failed = api.post("/test/product-then-fail", ProductData.aWidget()).send();
        assertThat(failed.status()).isEqualTo(500);
        ProductData.create(api, ProductData.aWidget());

        assertThat(receiver.await(1, SOON)).hasSize(1);
        Webhooks.sleep(500);
        assertThat(receiver.received()).hasSize(1);
    }

    private static List<Receiver.Received> awaitTypes(Receiver receiver, Set<String> types) {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            var seen = receiver.received().stream().map(Webhooks::typeOf).collect(Collectors.toSet());
            if (seen.containsAll(types)) {
                return receiver.received();
            }
            Webhooks.sleep(50);
        }
        var seen = receiver.received().stream().map(Webhooks::typeOf).collect(Collectors.toSet());
        throw new AssertionError("received " + seen + ", expected " + types);
    }

    private static Receiver.Received only(List<Receiver.Received> received, String type, String id) {
        return received.stream()
                .filter(message ->
                        Webhooks.typeOf(message).equals(type) && message.body().contains(id))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().collect(Collectors.toSet());
    }
}
