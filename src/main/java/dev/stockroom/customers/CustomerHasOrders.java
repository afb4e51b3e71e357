package dev.stockroom.customers;

import dev.stockroom.shared.DomainException;

/** A customer with orders cannot be deleted: the orders keep referring to them. */
public final class CustomerHasOrders extends DomainException {

    private CustomerHasOrders(CustomerId id) {
        super(
                Kind.CONFLICT,
                "customer-has-orders",
                "Customer has orders",
                "Customer " + id + " has orders and cannot be deleted.");
    }

    public static CustomerHasOrders withId(CustomerId id) {
        return new CustomerHasOrders(id);
    }
}
