package dev.stockroom.ordering;

import dev.stockroom.shared.DomainException;

/** The order's status does not allow the requested one ({@link OrderStatus#canTransitionTo}). */
public final class IllegalTransition extends DomainException {

    private IllegalTransition(OrderId id, OrderStatus current, OrderStatus target) {
        super(
                Kind.CONFLICT,
                "illegal-transition",
                "Illegal status transition",
                "Order %s is %s and cannot become %s.".formatted(id, current.wireValue(), target.wireValue()));
        with("current_status", current.wireValue());
        with("requested_status", target.wireValue());
    }

    public static IllegalTransition of(OrderId id, OrderStatus current, OrderStatus target) {
        return new IllegalTransition(id, current, target);
    }
}
