package dev.stockroom.ordering;

import dev.stockroom.shared.WireValue;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is in its life: {@code pending → confirmed → shipped → delivered}, and {@code pending} or
 * {@code confirmed} → {@code cancelled}. Every transition is checked here and nowhere else.
 */
public enum OrderStatus implements WireValue {
    PENDING("pending"),
    CONFIRMED("confirmed"),
    SHIPPED("shipped"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    @Override
    public String wireValue() {
        return value;
    }

    public boolean canTransitionTo(OrderStatus target) {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, CANCELLED).contains(target);
            case CONFIRMED -> Set.of(SHIPPED, CANCELLED).contains(target);
            case SHIPPED -> target == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    /** Whether units of this order are still held for it (they go back when it is cancelled). */
    public boolean holdsStock() {
        return this == PENDING || this == CONFIRMED;
    }

    public static Optional<OrderStatus> of(String value) {
        return WireValue.parse(OrderStatus.class, value);
    }
}
