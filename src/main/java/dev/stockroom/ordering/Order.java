package dev.stockroom.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order: its customer, its lines, its status and how it got there. Immutable; {@link #moveTo} is the only
 * way the status changes, and it refuses what {@link OrderStatus#canTransitionTo} does not allow.
 */
public record Order(
        UUID id,
        UUID customerId,
        OrderStatus status,
        List<OrderLine> lines,
        List<StatusChange> history,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The order in its new status; throws {@link IllegalTransition} for a transition that is not allowed. */
    public Order moveTo(OrderStatus target, Instant at, String by, @Nullable String reason) {
        if (!status.canTransitionTo(target)) {
            throw IllegalTransition.of(id, status, target);
        }
        var changes = new ArrayList<>(history);
        changes.add(new StatusChange(target, at, by, reason));
        return new Order(id, customerId, target, lines, changes, version + 1, createdAt, at);
    }
}
