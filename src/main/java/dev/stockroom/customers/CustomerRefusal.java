package dev.stockroom.customers;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** The refusals of the customers module. */
public final class CustomerRefusal extends DomainException {

    private CustomerRefusal(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static CustomerRefusal notFound(UUID id) {
        return new CustomerRefusal(Kind.NOT_FOUND, "not-found", "Not Found", "No customer exists with id " + id + ".");
    }

    public static CustomerRefusal duplicateEmail(String email) {
        var refusal = new CustomerRefusal(
                Kind.CONFLICT, "duplicate-email", "Duplicate email", "A customer with this email already exists.");
        refusal.with("email", email);
        return refusal;
    }

    public static CustomerRefusal hasOrders(UUID id) {
        return new CustomerRefusal(
                Kind.CONFLICT,
                "customer-has-orders",
                "Customer has orders",
                "Customer " + id + " has orders and cannot be deleted.");
    }

    public static CustomerRefusal boundClient() {
        return new CustomerRefusal(
                Kind.FORBIDDEN,
                "bound-client",
                "Not allowed for a bound client",
                "A client bound to a customer may read and change only that customer.");
    }
}
