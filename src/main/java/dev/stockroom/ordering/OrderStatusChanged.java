package dev.stockroom.ordering;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An order moved on in its lifecycle: one past-tense record per status it can move to, each with the order as
 * it is now, the status it left and the reason given (if any). Published in the transaction that moved it.
 */
public sealed interface OrderStatusChanged extends OrderEvent
        permits OrderConfirmed, OrderShipped, OrderDelivered, OrderCancelled {

    OrderStatus previous();

    @Nullable String reason();

    /** The event for a transition just made: the record that names the order's new status. */
    static OrderStatusChanged of(OrderStatus previous, Order moved, @Nullable String reason) {
        return switch (moved.status()) {
            case CONFIRMED -> new OrderConfirmed(moved, previous, reason);
            case SHIPPED -> new OrderShipped(moved, previous, reason);
            case DELIVERED -> new OrderDelivered(moved, previous, reason);
            case CANCELLED -> new OrderCancelled(moved, previous, reason);
            case PENDING -> throw new IllegalArgumentException("No order moves to pending");
        };
    }

    @Override
    default String action() {
        return "order." + order().status().wireValue();
    }

    @Override
    default Map<String, Change> changes() {
        var changes = new LinkedHashMap<String, Change>();
        changes.put(
                "status", new Change(previous().wireValue(), order().status().wireValue()));
        String reason = reason();
        if (reason != null) {
            changes.put("reason", new Change(null, reason));
        }
        return changes;
    }
}
