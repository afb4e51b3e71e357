package dev.stockroom.ordering;

import dev.stockroom.shared.DomainException;

/** No order exists with the id, or none the caller may see (a bound client sees only its customer's). */
public final class OrderNotFound extends DomainException {

    private OrderNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static OrderNotFound withId(OrderId id) {
        return new OrderNotFound("No order exists with id " + id + ".");
    }
}
