package dev.stockroom.ordering;

import dev.stockroom.shared.DomainException;
import java.util.UUID;

/** The refusals of the ordering module. */
public final class OrderRefusal extends DomainException {

    private OrderRefusal(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static OrderRefusal notFound(UUID id) {
        return new OrderRefusal(Kind.NOT_FOUND, "not-found", "Not Found", "No order exists with id " + id + ".");
    }

    public static OrderRefusal illegalTransition(UUID id, OrderStatus current, OrderStatus target) {
        var refusal = new OrderRefusal(
                Kind.CONFLICT,
                "illegal-transition",
                "Illegal status transition",
                "Order %s is %s and cannot become %s.".formatted(id, current.value(), target.value()));
        refusal.with("current_status", current.value());
        refusal.with("requested_status", target.value());
        return refusal;
    }

    public static OrderRefusal boundClient() {
        return new OrderRefusal(
                Kind.FORBIDDEN,
                "bound-client",
                "Not allowed for a bound client",
                "Only a principal that is not bound to a customer may confirm, ship or deliver orders.");
    }
}
