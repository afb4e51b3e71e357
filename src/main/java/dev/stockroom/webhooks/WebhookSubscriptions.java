package dev.stockroom.webhooks;

import dev.stockroom.shared.Precondition;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.webhooks.outbound.OutboundPolicy;
import dev.stockroom.webhooks.outbound.WebhookUrls;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhooks module's public API: subscriptions and their deliveries. A client bound to a customer manages
 * only its own subscriptions, which hear only of that customer and of the catalog; other callers with
 * {@code webhooks:manage} see every subscription. URLs are checked against the {@link OutboundPolicy} here, and
 * again at every delivery against the address actually connected to.
 */
@Service
public class WebhookSubscriptions {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final WebhookPublisher publisher;
    private final DeliveryWorker worker;
    private final OutboundPolicy policy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WebhookSubscriptions(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            WebhookPublisher publisher,
            DeliveryWorker worker,
            OutboundPolicy policy,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.worker = worker;
        this.policy = policy;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    public CreatedSubscription create(NewSubscription request, Caller caller) {
        URI url = checked(request.url());
        Set<String> types = eventTypes(request.eventTypes());
        String secret = Signatures.newSecret();
        var subscription = WebhookSubscription.create(
                url,
                types,
                request.description(),
                caller.boundCustomer().orElse(null),
                caller.subject(),
                secret,
                clock.instant());
        transactions.executeWithoutResult(status -> {
            subscriptions.insert(subscription);
            events.publishEvent(new SubscriptionCreated(subscription));
        });
        return new CreatedSubscription(subscription, secret);
    }

    public WebhookSubscription get(UUID id, Caller caller) {
        return subscriptions
                .findById(id)
                .filter(found -> visibleTo(found, caller))
                .orElseThrow(() -> SubscriptionNotFound.withId(id));
    }

    public Page<WebhookSubscription> list(SubscriptionSearch search, Caller caller) {
        return subscriptions.page(search, caller.boundCustomer().orElse(null));
    }

    public WebhookSubscription change(UUID id, SubscriptionChanges changes, Precondition precondition, Caller caller) {
        @Nullable String url = changes.url() == null ? null : checked(changes.url()).toString();
        if (changes.eventTypes() != null) {
            eventTypes(changes.eventTypes());
        }
        var checkedChanges =
                new SubscriptionChanges(url, changes.eventTypes(), changes.description(), changes.enabled());
        return transactions.execute(status -> {
            var current = locked(id, caller);
            precondition.verify("webhook subscription", current.version());
            var changed = current.apply(checkedChanges, clock.instant());
            if (changed != current) {
                subscriptions.update(changed);
                events.publishEvent(new SubscriptionUpdated(current, changed));
            }
            return changed;
        });
    }

    public void delete(UUID id, Precondition precondition, Caller caller) {
        transactions.executeWithoutResult(status -> {
            var current = locked(id, caller);
            precondition.verify("webhook subscription", current.version());
            subscriptions.delete(id);
            events.publishEvent(new SubscriptionDeleted(current));
        });
    }

    /** A new secret; the old one keeps signing beside it for a day ({@link WebhookSubscription#ROTATION_OVERLAP}). */
    public CreatedSubscription rotateSecret(UUID id, Precondition precondition, Caller caller) {
        String secret = Signatures.newSecret();
        var rotated = transactions.execute(status -> {
            var current = locked(id, caller);
            precondition.verify("webhook subscription", current.version());
            var changed = current.rotateSecret(secret, clock.instant());
            subscriptions.update(changed);
            events.publishEvent(new SubscriptionSecretRotated(changed));
            return changed;
        });
        return new CreatedSubscription(rotated, secret);
    }

    /** Sends a {@code webhook.test} event now, on this thread, and answers the delivery as it came out. */
    public Delivery test(UUID id, Caller caller) {
        var subscription = get(id, caller);
        UUID delivery = transactions.execute(status -> publisher.publishTest(subscription));
        return worker.sendNow(delivery);
    }

    public Page<Delivery> deliveries(DeliverySearch search, Caller caller) {
        get(search.subscriptionId(), caller);
        return deliveries.page(search);
    }

    /** Sends a dead (or refused) delivery again, with a fresh set of attempts. */
    public Delivery retry(UUID deliveryId, Caller caller) {
        var delivery = visibleDelivery(deliveryId, caller);
        var requeued = deliveries
                .requeue(deliveryId, clock.instant())
                .orElseThrow(() -> DeliveryNotRetryable.inStatus(deliveryId, delivery.status()));
        worker.wakeUp();
        return requeued;
    }

    public Delivery delivery(UUID deliveryId, Caller caller) {
        return visibleDelivery(deliveryId, caller);
    }

    private Delivery visibleDelivery(UUID deliveryId, Caller caller) {
        var delivery = deliveries.findById(deliveryId).orElseThrow(() -> DeliveryNotFound.withId(deliveryId));
        subscriptions
                .findById(delivery.subscriptionId())
                .filter(subscription -> visibleTo(subscription, caller))
                .orElseThrow(() -> DeliveryNotFound.withId(deliveryId));
        return delivery;
    }

    private WebhookSubscription locked(UUID id, Caller caller) {
        return subscriptions
                .findByIdForUpdate(id)
                .filter(found -> visibleTo(found, caller))
                .orElseThrow(() -> SubscriptionNotFound.withId(id));
    }

    private static boolean visibleTo(WebhookSubscription subscription, Caller caller) {
        return caller.boundCustomer()
                .map(customer -> customer.equals(subscription.customerId()))
                .orElse(true);
    }

    private URI checked(String url) {
        var refusal = WebhookUrls.check(url, policy);
        if (refusal.isPresent()) {
            throw RefusedUrl.because(refusal.get());
        }
        return URI.create(url);
    }

    /** The event types as sent, checked: every one published, or {@code *}. */
    private static Set<String> eventTypes(List<String> requested) {
        var unknown = new ArrayList<Integer>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (!type.equals(EventType.ALL) && EventType.of(type).isEmpty()) {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            throw UnknownEventTypes.at(unknown, requested);
        }
        return Set.copyOf(requested);
    }
}
