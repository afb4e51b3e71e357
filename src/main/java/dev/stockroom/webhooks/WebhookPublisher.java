package dev.stockroom.webhooks;

import dev.stockroom.catalog.ProductCreated;
import dev.stockroom.catalog.ProductDeleted;
import dev.stockroom.catalog.ProductEvent;
import dev.stockroom.catalog.ProductUpdated;
import dev.stockroom.catalog.StockAdjusted;
import dev.stockroom.catalog.StockRanLow;
import dev.stockroom.customers.CustomerCreated;
import dev.stockroom.customers.CustomerDeleted;
import dev.stockroom.customers.CustomerEvent;
import dev.stockroom.customers.CustomerUpdated;
import dev.stockroom.ordering.OrderCancelled;
import dev.stockroom.ordering.OrderConfirmed;
import dev.stockroom.ordering.OrderDelivered;
import dev.stockroom.ordering.OrderEvent;
import dev.stockroom.ordering.OrderPlaced;
import dev.stockroom.ordering.OrderShipped;
import dev.stockroom.shared.events.EventRepresentation;
import dev.stockroom.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the modules' typed events into webhook deliveries, in the transaction that published them: one outbox
 * row per subscription that wants the event and may see it, its body rendered now (the resource as the REST API
 * answers it at this moment, for that subscription's audience). When the message broker is configured, every
 * event also gets one row in the broker's outbox ({@link EventOutbox}), whatever the subscriptions, with the same
 * envelope rendered for an unbound audience. After the commit the delivery worker and the relay are woken, so a
 * message leaves within milliseconds rather than at the next poll.
 */
@Component
class WebhookPublisher {

    /** Whom the broker's messages are rendered for: internal consumers, bound to no customer. */
    private static final Caller INTERNAL_AUDIENCE = new Caller("stockroom", Caller.Kind.CLIENT, Set.of(), null);

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final List<EventRepresentation<?>> representations;
    private final JsonMapper json;
    private final Clock clock;
    private final DeliveryWorker worker;
    private final @Nullable EventOutbox events;
    private final @Nullable EventRelay relay;

    /** The outbox and the relay exist only when the broker is configured ({@link EventBrokerConfiguration}). */
    WebhookPublisher(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            List<EventRepresentation<?>> representations,
            JsonMapper json,
            Clock clock,
            DeliveryWorker worker,
            ObjectProvider<EventOutbox> events,
            ObjectProvider<EventRelay> relay) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.representations = List.copyOf(representations);
        this.json = json;
        this.clock = clock;
        this.worker = worker;
        this.events = events.getIfAvailable();
        this.relay = relay.getIfAvailable();
    }

    /** The body partners receive: {@code {"type", "timestamp", "data"}}. */
    record Envelope(String type, Instant timestamp, Object data) {}

    @EventListener
    void on(ProductEvent event) {
        EventType type = switch (event) {
            case ProductCreated created -> EventType.PRODUCT_CREATED;
            case ProductUpdated updated -> EventType.PRODUCT_UPDATED;
            case ProductDeleted deleted -> EventType.PRODUCT_DELETED;
            case StockAdjusted adjusted -> EventType.STOCK_ADJUSTED;
            case StockRanLow low -> EventType.STOCK_LOW;
        };
        publish(type, event, null);
    }

    @EventListener
    void on(CustomerEvent event) {
        EventType type = switch (event) {
            case CustomerCreated created -> EventType.CUSTOMER_CREATED;
            case CustomerUpdated updated -> EventType.CUSTOMER_UPDATED;
            case CustomerDeleted deleted -> EventType.CUSTOMER_DELETED;
        };
        publish(type, event, event.customerId().value());
    }

    @EventListener
    void on(OrderEvent event) {
        EventType type = switch (event) {
            case OrderPlaced placed -> EventType.ORDER_PLACED;
            case OrderConfirmed confirmed -> EventType.ORDER_CONFIRMED;
            case OrderShipped shipped -> EventType.ORDER_SHIPPED;
            case OrderDelivered delivered -> EventType.ORDER_DELIVERED;
            case OrderCancelled cancelled -> EventType.ORDER_CANCELLED;
        };
        publish(type, event, event.order().customerId().value());
    }

    /** Writes the test event for one subscription, whatever it subscribed to; answers the delivery's id. */
    UUID publishTest(WebhookSubscription subscription) {
        Instant now = clock.instant();
        var data = new TestData(subscription.id(), "This is a test event from Stockroom.");
        UUID id = UUID.randomUUID();
        // Due only in a minute: the request sends it itself, and no instance's poller may claim it first.
        deliveries.insert(
                id, subscription.id(), EventType.TEST, render(EventType.TEST, now, data), now, now.plusSeconds(60));
        return id;
    }

    /** The data of a {@code webhook.test} event. */
    record TestData(UUID subscriptionId, String message) {}

    private void publish(EventType type, Object event, @Nullable UUID about) {
        Instant now = clock.instant();
        boolean any = false;
        for (WebhookSubscription subscription : subscriptions.enabledFor(type)) {
            if (subscription.wants(type, about)) {
                Object data = represent(event, audienceOf(subscription));
                deliveries.insert(UUID.randomUUID(), subscription.id(), type, render(type, now, data), now);
                any = true;
            }
        }
        if (any) {
            afterCommit(worker::wakeUp);
        }
        if (events != null && relay != null) {
            events.add(type, render(type, now, represent(event, INTERNAL_AUDIENCE)), now);
            afterCommit(relay::wakeUp);
        }
    }

    private String render(EventType type, Instant now, Object data) {
        return json.writeValueAsString(new Envelope(type.wireValue(), now, data));
    }

    @SuppressWarnings("unchecked") // each representation is asked only about events of its own type
    private Object represent(Object event, Caller audience) {
        for (EventRepresentation<?> representation : representations) {
            if (representation.eventType().isInstance(event)) {
                return ((EventRepresentation<Object>) representation).represent(event, audience);
            }
        }
        throw new IllegalStateException(
                "No representation of " + event.getClass().getSimpleName());
    }

    /** Whom the data is shown to: the subscription's owner, bound to its customer if it is. */
    private static Caller audienceOf(WebhookSubscription subscription) {
        return new Caller(subscription.owner(), Caller.Kind.CLIENT, Set.of(), subscription.customerId());
    }

    private static void afterCommit(Runnable wakeUp) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.run();
                }
            });
        } else {
            wakeUp.run();
        }
    }
}
