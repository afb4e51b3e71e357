package dev.stockroom.webhooks;

import dev.stockroom.webhooks.outbound.Outcome;
import dev.stockroom.webhooks.outbound.WebhookHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, off the request path, on every instance: claims a batch ({@link DeliveryRepository#claimDue}),
 * sends each on its own virtual thread (at most {@code concurrency} at once, each bounded by the timeout, so a
 * slow receiver delays nobody else), and records what came of it: success, a retry after {@link Backoff} (or
 * the receiver's {@code Retry-After}), dead after the last attempt, failed for a refusal, and the subscription
 * disabled by a 410 ({@link DeliveryMetrics} counts each). Failures count towards the subscription's circuit
 * breaker; once it has opened, one delivery probes the receiver when it closes again while the others wait for its
 * result. Each call is a client span in the trace of the request that caused the delivery ({@link DeliveryTracing}).
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookHttpClient http;
    private final DeliveryTracing tracing;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Backoff backoff;
    private final DeliveryMetrics metrics;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private @Nullable Thread poller;
    private @Nullable ExecutorService senders;

    DeliveryWorker(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            WebhookHttpClient http,
            DeliveryTracing tracing,
            WebhookProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events,
            DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.http = http;
        this.tracing = tracing;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.backoff = new Backoff(properties.retryInitial(), properties.retryMaxDelay());
        this.slots = new Semaphore(properties.concurrency());
    }

    /** New deliveries were committed: look for due ones now rather than at the next poll. */
    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sends one pending delivery now, on the caller's thread (the test event); answers it as it is after. */
    Delivery sendNow(UUID id) {
        Instant now = clock.instant();
        deliveries.claim(id, now, leaseFrom(now)).ifPresent(this::attempt);
        return deliveries.findById(id).orElseThrow();
    }

    private void run() {
        while (running) {
            try {
                int claimed = pollOnce();
                if (claimed < properties.batchSize()) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                log.warn("Webhook delivery poll failed; trying again", e);
                awaitWork();
            }
        }
    }

    /** Claims and dispatches one batch; answers how many were claimed. */
    int pollOnce() {
        Instant now = clock.instant();
        List<Delivery> due = transactions.execute(status -> probing(deliveries.claimDue(now, leaseFrom(now), batch())));
        for (Delivery delivery : due == null ? List.<Delivery>of() : due) {
            dispatch(delivery);
        }
        return due == null ? 0 : due.size();
    }

    /**
     * Of the claimed deliveries of a subscription whose breaker has opened, keeps one to probe the receiver and
     * gives the others back; the subscription is held until the probe has had its chance.
     */
    private List<Delivery> probing(List<Delivery> claimed) {
        var kept = new LinkedHashMap<UUID, Delivery>();
        var sending = new java.util.ArrayList<Delivery>();
        for (Delivery delivery : claimed) {
            UUID subscription = delivery.subscriptionId();
            boolean tripped = kept.containsKey(subscription)
                    || subscriptions.breakerTripped(subscription, properties.breakerThreshold());
            if (!tripped) {
                sending.add(delivery);
            } else if (!kept.containsKey(subscription)) {
                kept.put(subscription, delivery);
                sending.add(delivery);
                subscriptions.holdForProbe(subscription, leaseFrom(clock.instant()));
            } else {
                deliveries.release(delivery.id());
            }
        }
        return sending;
    }

    private void dispatch(Delivery delivery) {
        ExecutorService executor = senders;
        if (executor == null) {
            return;
        }
        slots.acquireUninterruptibly();
        executor.execute(() -> {
            try {
                attempt(delivery);
            } finally {
                slots.release();
            }
        });
    }

    private void attempt(Delivery delivery) {
        var found = subscriptions.findById(delivery.subscriptionId());
        if (found.isEmpty()) {
            return; // deleted meanwhile; its deliveries went with it
        }
        WebhookSubscription subscription = found.get();
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", delivery.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                Signatures.header(subscription.secretsAt(now), delivery.webhookId(), timestamp, delivery.payload()));
        Outcome outcome;
        try {
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            outcome = tracing.send(
                    delivery, subscription.url(), headers, () -> http.post(subscription.url(), headers, body));
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} failed unexpectedly", delivery.id(), e);
            outcome = Outcome.failed(Outcome.CONNECTION_ERROR, Duration.ZERO);
        }
        record(delivery, subscription.url(), outcome);
    }

    private void record(Delivery delivery, URI url, Outcome outcome) {
        Instant now = clock.instant();
        var result = transactions.execute(status -> {
            UUID subscription = delivery.subscriptionId();
            if (outcome.succeeded()) {
                deliveries.recordAttempt(delivery.id(), Delivery.Status.SUCCEEDED, now, outcome.statusCode(), null);
                subscriptions.recordSuccess(subscription);
                return DeliveryMetrics.Result.SUCCEEDED;
            } else if (outcome.gone()) {
                deliveries.recordAttempt(delivery.id(), Delivery.Status.FAILED, now, outcome.statusCode(), null);
                String reason = "The receiver answered 410 Gone.";
                if (subscriptions.disable(subscription, reason, now)) {
                    subscriptions
                            .findById(subscription)
                            .ifPresent(disabled -> events.publishEvent(new SubscriptionDisabled(disabled, reason)));
                }
                log.info("Webhook subscription {} disabled: {} answered 410 Gone", subscription, url.getHost());
                return DeliveryMetrics.Result.DISABLED;
            } else if (outcome.retryable()) {
                boolean last = delivery.attempts() >= properties.maxAttempts();
                Duration wait = backoff.after(delivery.attempts());
                Duration asked = outcome.retryAfter();
                if (asked != null && asked.compareTo(wait) > 0) {
                    wait = asked;
                }
                deliveries.recordAttempt(
                        delivery.id(),
                        last ? Delivery.Status.DEAD : Delivery.Status.PENDING,
                        last ? now : now.plus(wait),
                        outcome.statusCode(),
                        outcome.error());
                subscriptions.recordFailure(subscription, now, properties.breakerThreshold(), properties.breakerOpen());
                return last ? DeliveryMetrics.Result.DEAD : DeliveryMetrics.Result.RETRIED;
            } else {
                deliveries.recordAttempt(
                        delivery.id(), Delivery.Status.FAILED, now, outcome.statusCode(), outcome.error());
                return DeliveryMetrics.Result.FAILED;
            }
        });
        if (result != null) {
            metrics.attempted(result);
        }
    }

    private Instant leaseFrom(Instant now) {
        return now.plus(properties.timeout()).plus(LEASE_MARGIN);
    }

    private int batch() {
        return Math.max(1, Math.min(properties.batchSize(), slots.availablePermits()));
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!properties.worker() || running) {
            return;
        }
        running = true;
        senders = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("webhook-", 0).factory());
        poller = Thread.ofVirtual().name("webhook-poller").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread thread = poller;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService executor = senders;
        if (executor != null) {
            executor.shutdown();
            try {
                // In-flight calls get their timeout to finish; what is cut off is due again when its lease passes.
                executor.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
