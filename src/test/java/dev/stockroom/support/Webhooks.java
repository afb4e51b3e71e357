package dev.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Subscribing receivers, and checking what they received with the Standard Webhooks reference library. */
public final class Webhooks {

    private final Api api;
    private final List<String> subscriptions = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    public Webhooks(Api api) {
        this.api = api;
    }

    /** A subscription of the receiver; answers the creation response (with its id and secret). */
    public Response subscribe(Api as, Receiver receiver, String... eventTypes) {
        receivers.add(receiver);
        var created = as.post(
                        "/v1/webhook-subscriptions",
                        Map.of("url", receiver.url(), "event_types", List.of(eventTypes), "description", "test"))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        subscriptions.add(created.at("/id"));
        return created;
    }

    public Response subscribe(Receiver receiver, String... eventTypes) {
        return subscribe(api, receiver, eventTypes);
    }

    /** Verifies the message as a receiver would, with the reference implementation; throws if it does not verify. */
    public static void verify(String secret, Receiver.Received message) {
        try {
            new Webhook(secret)
                    .verify(
                            message.body(),
                            Map.of(
                                    "webhook-id", List.of(message.header("webhook-id")),
                                    "webhook-timestamp", List.of(message.header("webhook-timestamp")),
                                    "webhook-signature", List.of(message.header("webhook-signature"))));
        } catch (WebhookVerificationException e) {
            throw new AssertionError("signature does not verify with the reference library: " + e.getMessage(), e);
        }
    }

    public static String typeOf(Receiver.Received message) {
        return Api.JSON.readTree(message.body()).path("type").asString();
    }

    /** Polls a delivery list until one delivery matches, or fails after the time given. */
    public Response awaitDelivery(String subscriptionId, Predicate<Response> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response last;
        do {
            last = api.get("/v1/webhook-subscriptions/" + subscriptionId + "/deliveries")
                    .send();
            if (last.status() == 200 && done.test(last)) {
                return last;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no delivery as expected within " + within + ": " + last.body());
    }

    /** Deletes the subscriptions and closes the receivers made through this. */
    public void cleanUp() {
        for (String id : subscriptions) {
            api.delete("/v1/webhook-subscriptions/" + id).send();
        }
        subscriptions.clear();
        receivers.forEach(Receiver::close);
        receivers.clear();
    }

    /** {@link WebhookTest#PROPERTIES} as command-line arguments, for second instances and processes. */
    public static String[] arguments() {
        return WebhookTest.PROPERTIES
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> "--" + line.strip())
                .toArray(String[]::new);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
