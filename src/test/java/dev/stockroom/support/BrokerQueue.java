package dev.stockroom.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A queue of the test's own on the RabbitMQ server at localhost:5672, which other tests and builds share: uniquely
 * named, exclusive and auto-deleted (it goes when the test closes it, or dies), bound to the events exchange.
 * The exchange is declared as the service declares it, never deleted.
 */
public final class BrokerQueue implements AutoCloseable {

    public static final String HOST = "localhost";
    public static final int PORT = 5672;
    public static final String URL = "amqp://guest:guest@localhost:5672";
    public static final String EXCHANGE = "stockroom.events";

    /** One message as the queue received it. */
    public record Message(String routingKey, String body, AMQP.BasicProperties properties) {

        public JsonNode json() {
            return Api.JSON.readTree(body);
        }

        /** {@code data.id} of the envelope. */
        public String dataId() {
            return json().path("data").path("id").asString();
        }
    }

    private final Connection connection;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    private BrokerQueue(Connection connection) {
        this.connection = connection;
    }

    /** Whether a broker answers at localhost:5672; the tests that need one skip themselves otherwise. */
    public static boolean brokerAnswers() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A new queue bound to the exchange with each of the binding keys ({@code order.#}, {@code #}). */
    public static BrokerQueue bound(String... bindingKeys) {
        var factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        try {
            Connection connection = factory.newConnection("stockroom-test");
            var queue = new BrokerQueue(connection);
            var channel = connection.createChannel();
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
            String name = "stockroom-test." + UUID.randomUUID();
            channel.queueDeclare(name, false, true, true, null);
            for (String key : bindingKeys) {
                channel.queueBind(name, EXCHANGE, key);
            }
            channel.basicConsume(
                    name,
                    true,
                    (tag, delivery) -> queue.received.add(new Message(
                            delivery.getEnvelope().getRoutingKey(),
                            new String(delivery.getBody(), StandardCharsets.UTF_8),
                            delivery.getProperties())),
                    tag -> {});
            return queue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first message that matches, waiting for it; fails the test if none came in time. */
    public Message await(Predicate<Message> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Message message : received) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching message within " + timeout + "; received: " + received);
            }
            Webhooks.sleep(20);
        }
    }

    /** Everything received so far, from this service or any other that publishes to the shared exchange. */
    public List<Message> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
