package dev.stockroom.ordering;

import org.jspecify.annotations.Nullable;

/** The order was confirmed: staff accepted it. */
public record OrderConfirmed(
        Order order, OrderStatus previous, @Nullable String reason) implements OrderStatusChanged {}
