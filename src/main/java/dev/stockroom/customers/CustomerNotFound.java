package dev.stockroom.customers;

import dev.stockroom.shared.DomainException;

/** No customer exists with the id, or none the caller may see (a bound client sees only its own). */
public final class CustomerNotFound extends DomainException {

    private CustomerNotFound(String detail) {
        super(Kind.NOT_FOUND, detail);
    }

    public static CustomerNotFound withId(CustomerId id) {
        return new CustomerNotFound("No customer exists with id " + id + ".");
    }
}
