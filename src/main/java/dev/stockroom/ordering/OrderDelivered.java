package dev.stockroom.ordering;

import org.jspecify.annotations.Nullable;

/** The order reached the customer. */
public record OrderDelivered(
        Order order, OrderStatus previous, @Nullable String reason) implements OrderStatusChanged {}
