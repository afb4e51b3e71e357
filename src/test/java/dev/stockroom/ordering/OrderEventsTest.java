package dev.stockroom.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.audit.AuditableEvent.Change;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each step of an order's life is its own past-tense event, saying its audit action and what changed. */
class OrderEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Order aPendingOrder() {
        var line = new OrderLine(ProductId.newId(), "WIDGET-1", "Widget", new BigDecimal("2.50"), 4);
        return Order.place(CustomerId.newId(), List.of(line), "clerk", NOW);
    }

    @Test
    void placingRecordsTheCustomerTheLinesAndTheTotal() {
        var order = aPendingOrder();

        var event = new OrderPlaced(order);

        assertThat(event.action()).isEqualTo("order.placed");
        assertThat(event.resourceId()).isEqualTo(order.id().toString());
        assertThat(event.changes()).containsEntry("status", new Change(null, "pending"));
        assertThat(event.changes()).containsEntry("total", new Change(null, new BigDecimal("10.00")));
        assertThat(event.changes()).containsKeys("customer_id", "lines");
    }

    @Test
    void eachTransitionIsTheEventNamedAfterItsNewStatus() {
        var pending = aPendingOrder();
        var confirmed = pending.transitionTo(OrderStatus.CONFIRMED, "clerk", null, NOW);
        var shipped = confirmed.transitionTo(OrderStatus.SHIPPED, "clerk", null, NOW);
        var delivered = shipped.transitionTo(OrderStatus.DELIVERED, "clerk", null, NOW);

        assertThat(OrderStatusChanged.of(OrderStatus.PENDING, confirmed, null)).isInstanceOf(OrderConfirmed.class);
        assertThat(OrderStatusChanged.of(OrderStatus.CONFIRMED, shipped, null)).isInstanceOf(OrderShipped.class);
        assertThat(OrderStatusChanged.of(OrderStatus.SHIPPED, delivered, null)).isInstanceOf(OrderDelivered.class);
        assertThat(OrderStatusChanged.of(OrderStatus.SHIPPED, delivered, null).action())
                .isEqualTo("order.delivered");
    }

    @Test
    void aCancellationRecordsTheStatusItLeftAndWhy() {
        var pending = aPendingOrder();
        var cancelled = pending.transitionTo(OrderStatus.CANCELLED, "ada", "changed my mind", NOW);

        var event = OrderStatusChanged.of(OrderStatus.PENDING, cancelled, "changed my mind");

        assertThat(event).isInstanceOf(OrderCancelled.class);
        assertThat(event.changes())
                .containsEntry("status", new Change("pending", "cancelled"))
                .containsEntry("reason", new Change(null, "changed my mind"));
    }

    @Test
    void aTransitionWithoutAReasonRecordsOnlyTheStatus() {
        var confirmed = aPendingOrder().transitionTo(OrderStatus.CONFIRMED, "clerk", null, NOW);

        assertThat(OrderStatusChanged.of(OrderStatus.PENDING, confirmed, null).changes())
                .containsOnlyKeys("status");
    }
}
