package dev.stockroom.ordering;

import static dev.stockroom.ordering.OrderStatus.CANCELLED;
import static dev.stockroom.ordering.OrderStatus.CONFIRMED;
import static dev.stockroom.ordering.OrderStatus.DELIVERED;
import static dev.stockroom.ordering.OrderStatus.PENDING;
import static dev.stockroom.ordering.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.customers.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PENDING, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(DELIVERED),
            DELIVERED, Set.of(),
            CANCELLED, Set.of());

    @Test
    void exactlyTheLifecycleTransitionsAreAllowed() {
        for (var from : OrderStatus.values()) {
            for (var to : OrderStatus.values()) {
                assertThat(from.canTransitionTo(to))
                        .as(from + " -> " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyPendingAndConfirmedOrdersHoldStock() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsStock))
                .containsExactlyInAnyOrder(PENDING, CONFIRMED);
    }

    @Test
    void movingAnOrderAppendsToItsHistoryAndRefusesIllegalSteps() {
        var at = Instant.parse("2026-01-01T00:00:00Z");
        var order = Order.place(
                CustomerId.newId(),
                List.of(new OrderLine(ProductId.newId(), "SKU-1", "Thing", new BigDecimal("19.99"), 3)),
                "someone",
                at);

        var confirmed = order.transitionTo(CONFIRMED, "admin", "paid", at.plusSeconds(5));

        assertThat(confirmed.status()).isEqualTo(CONFIRMED);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(confirmed.history())
                .hasSize(2)
                .last()
                .extracting(StatusChange::reason)
                .isEqualTo("paid");
        assertThat(confirmed.total()).isEqualByComparingTo("59.97");
        assertThatThrownBy(() -> order.transitionTo(DELIVERED, "admin", null, at))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("pending");
    }
}
