package dev.stockroom.customers;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** A customer with orders cannot be deleted: the orders keep referring to them. */
public final class CustomerHasOrders extends DomainException {

    private CustomerHasOrders(UUID id) {
        super(
                Kind.CONFLICT,
                "customer-has-orders",
                "Customer has orders",
                "Customer " + id + " has orders and cannot be deleted.");
    }

    public static CustomerHasOrders withId(UUID id) {
        return new CustomerHasOrders(id);
    }
}
