package dev.stockroom.webhooks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the event outbox to the broker, off the request path, on every instance: claims a batch of due rows
 * ({@link EventOutbox#claimDue}), publishes each to the {@value EventBrokerProperties#EXCHANGE} topic exchange
 * with its event type as the routing key, waits for the broker's publisher confirms, and only then marks the
 * rows published. A failure (no connection, a negative confirm, no confirm in time) leaves the batch pending,
 * due again after {@link Backoff}, with the error recorded; the broker is ours, so a row is retried until it is
 * published, never given up. Delivery is therefore at least once: a row whose confirm was lost is published
 * again, with the same message id.
 *
 * <p>The first connection is opened by the first poll, so an instance starts whether or not the broker is up;
 * once open, the client's automatic recovery reconnects it. The exchange is declared (durable, idempotently) on
 * every channel the relay opens.
 */
class EventRelay implements SmartLifecycle {

    static final int BATCH_SIZE = 100;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than connecting, declaring, publishing a batch and waiting for its confirms can take together. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int PERSISTENT = 2;
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final EventOutbox outbox;
    private final ConnectionFactory connections;
    private final Clock clock;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private @Nullable Thread poller;
    // The poller's alone (or a test's that polls by hand): the connection is only read by stop() to abort it.
    private volatile @Nullable Connection connection;
    private @Nullable Channel channel;
    private boolean failing;

    EventRelay(EventOutbox outbox, ConnectionFactory connections, Clock clock) {
        this.outbox = outbox;
        this.connections = connections;
        this.clock = clock;
    }

    /** New rows were committed: look for due ones now rather than at the next poll. */
    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Claims and publishes one batch; answers how many rows were published. */
    int pollOnce() {
        Instant now = clock.instant();
        List<EventOutbox.Entry> due = outbox.claimDue(now, now.plus(LEASE), BATCH_SIZE);
        if (due.isEmpty()) {
            return 0;
        }
        try {
            publish(due);
        } catch (IOException | TimeoutException | RuntimeException e) {
            retryLater(due, e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(due, e);
            return 0;
        }
        outbox.published(due.stream().map(EventOutbox.Entry::id).toList(), clock.instant());
        if (failing) {
            failing = false;
            log.info("Publishing events to the broker again");
        }
        return due.size();
    }

    private void publish(List<EventOutbox.Entry> entries) throws IOException, InterruptedException, TimeoutException {
        Channel open = channel();
        for (EventOutbox.Entry entry : entries) {
            open.basicPublish(
                    EventBrokerProperties.EXCHANGE,
                    entry.routingKey(),
                    false,
                    properties(entry),
                    entry.payload().getBytes(StandardCharsets.UTF_8));
        }
        open.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
    }

    /**
     * What a message carries besides its body: persistent, JSON, the outbox row's id as message id (the same on
     * every retry, for consumers to deduplicate), the time of the event, and its type.
     */
    static AMQP.BasicProperties properties(EventOutbox.Entry entry) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(PERSISTENT)
                .messageId(entry.id().toString())
                .timestamp(Date.from(entry.createdAt()))
                .type(entry.routingKey())
                .appId("stockroom")
                .build();
    }

    /** The channel in confirm mode, opening the connection and the channel if there is none yet. */
    private Channel channel() throws IOException, TimeoutException {
        Channel open = channel;
        if (open != null && open.isOpen()) {
            return open;
        }
        Connection current = connection;
        if (current == null) {
            current = connections.newConnection("stockroom-events");
            connection = current;
            log.info("Connected to the event broker at {}:{}", connections.getHost(), connections.getPort());
        }
        Channel created = current.createChannel();
        created.confirmSelect();
        created.exchangeDeclare(EventBrokerProperties.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel = created;
        return created;
    }

    private void retryLater(List<EventOutbox.Entry> entries, Exception e) {
        String error = describe(e);
        if (!failing) {
            failing = true;
            log.warn("Publishing {} events to the broker failed; retrying with backoff: {}", entries.size(), error);
        } else {
            log.debug("Publishing {} events to the broker failed again: {}", entries.size(), error);
        }
        discardChannel();
        Instant now = clock.instant();
        for (EventOutbox.Entry entry : entries) {
            outbox.retryLater(entry.id(), now.plus(backoff.after(entry.attempts())), error);
        }
    }

    /** A channel that failed is never used again: confirms it still owes would be counted for the next batch. */
    private void discardChannel() {
        Channel failed = channel;
        channel = null;
        if (failed != null) {
            try {
                failed.abort();
            } catch (IOException | RuntimeException ignored) {
                // it is gone either way
            }
        }
    }

    static String describe(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        String text = shown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (pollOnce() < BATCH_SIZE) {
                        awaitWork();
                    }
                } catch (RuntimeException e) {
                    log.warn("Event outbox poll failed; trying again", e);
                    awaitWork();
                }
            }
        } finally {
            disconnect();
        }
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection, which also ends its automatic recovery. */
    private void disconnect() {
        Connection current = connection;
        connection = null;
        channel = null;
        if (current != null) {
            current.abort((int) CLOSE_TIMEOUT.toMillis());
        }
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        poller = Thread.ofVirtual().name("event-relay").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread thread = poller;
        if (thread != null) {
            try {
                // What is cut off stays pending and is published again when its lease passes.
                thread.join(CONFIRM_TIMEOUT.plus(CLOSE_TIMEOUT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
