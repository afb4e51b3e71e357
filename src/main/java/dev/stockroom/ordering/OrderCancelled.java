package dev.stockroom.ordering;

import org.jspecify.annotations.Nullable;

/** The order was cancelled; its reserved stock went back to the catalog. */
public record OrderCancelled(
        Order order, OrderStatus previous, @Nullable String reason) implements OrderStatusChanged {}
