package dev.stockroom.ordering;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to an order: placed, or moved on in its lifecycle ({@link OrderStatusChanged}). */
public sealed interface OrderEvent extends AuditableEvent permits OrderPlaced, OrderStatusChanged {

    /** The order as it is after the event. */
    Order order();

    @Override
    default String resourceType() {
        return "order";
    }

    @Override
    default String resourceId() {
        return order().id().toString();
    }
}
