package dev.stockroom.ordering;

import org.jspecify.annotations.Nullable;

/** The order left the warehouse. */
public record OrderShipped(
        Order order, OrderStatus previous, @Nullable String reason) implements OrderStatusChanged {}
