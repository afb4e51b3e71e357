package dev.stockroom.ordering;

import dev.stockroom.customers.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order: its customer, its lines, its status and how it got there.
 *
 * <p>Immutable: {@link #place} makes the pending order with its first history step at version 1, {@link
 * #restore} rebuilds one that was stored, and {@link #transitionTo} is the only way the status changes: it
 * refuses what {@link OrderStatus#canTransitionTo} does not allow, appends the step to the history and moves
 * the version (the order's entity tag) by one.
 */
public final class Order {

    private final OrderId id;
    private final CustomerId customerId;
    private final OrderStatus status;
    private final List<OrderLine> lines;
    private final List<StatusChange> history;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Order(
            OrderId id,
            CustomerId customerId,
            OrderStatus status,
            List<OrderLine> lines,
            List<StatusChange> history,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.customerId = customerId;
        this.status = status;
        this.lines = List.copyOf(lines);
        this.history = List.copyOf(history);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new order for the customer, {@code pending}, placed by {@code by}: its history starts there. */
    public static Order place(CustomerId customerId, List<OrderLine> lines, String by, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Order(
                OrderId.newId(),
                customerId,
                OrderStatus.PENDING,
                lines,
                List.of(new StatusChange(OrderStatus.PENDING, at, by, null)),
                1,
                at,
                at);
    }

    /** An order as it was stored. */
    public static Order restore(
            OrderId id,
            CustomerId customerId,
            OrderStatus status,
            List<OrderLine> lines,
            List<StatusChange> history,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        return new Order(id, customerId, status, lines, history, version, createdAt, updatedAt);
    }

    /**
     * The order in its new status, moved by {@code by} for the reason given if any; throws {@link
     * IllegalTransition} for a transition that {@link OrderStatus#canTransitionTo} does not allow.
     */
    public Order transitionTo(OrderStatus target, String by, @Nullable String reason, Instant now) {
        if (!status.canTransitionTo(target)) {
            throw IllegalTransition.of(id, status, target);
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        var changes = new ArrayList<>(history);
        changes.add(new StatusChange(target, at, by, reason));
        return new Order(id, customerId, target, lines, changes, version + 1, createdAt, at);
    }

    /** Whether moving to {@code target} gives the units held for this order back to stock. */
    public boolean releasesStockMovingTo(OrderStatus target) {
        return target == OrderStatus.CANCELLED && status.holdsStock();
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public OrderId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public List<StatusChange> history() {
        return history;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
