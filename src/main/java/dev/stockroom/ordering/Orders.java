package dev.stockroom.ordering;

import dev.stockroom.catalog.Catalog;
import dev.stockroom.catalog.ProductId;
import dev.stockroom.catalog.ReservedStock;
import dev.stockroom.catalog.StockRequest;
import dev.stockroom.catalog.StockShortage;
import dev.stockroom.catalog.UnknownProducts;
import dev.stockroom.customers.CustomerId;
import dev.stockroom.customers.Customers;
import dev.stockroom.shared.InvalidRequest;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.security.BoundClientRefused;
import dev.stockroom.shared.security.Caller;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordering module's public API. Placing an order reserves stock for every line in the same transaction, all
 * or nothing, so the service never oversells; cancelling gives the units back exactly once. Object-level access
 * is decided here: a caller bound to a customer may place, see and cancel only that customer's orders, and
 * everything else is "not found" to it; only principals not bound to a customer confirm, ship and deliver.
 */
@Service
public class Orders {

    private final OrderRepository orders;
    private final Catalog catalog;
    private final Customers customers;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OrderMetrics metrics;

    Orders(
            OrderRepository orders,
            Catalog catalog,
            Customers customers,
            Clock clock,
            ApplicationEventPublisher events,
            OrderMetrics metrics) {
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * Places the order, reserving its stock. Refuses with {@link InvalidRequest} (unknown customer or product, a
     * product on two lines) or {@link StockShortage}; every refusal is counted ({@link OrderMetrics}).
     */
    @Transactional
    public Order place(NewOrder request, Caller caller) {
        try {
            return reserveAndPlace(request, caller);
        } catch (StockShortage refused) {
            metrics.refused(OrderMetrics.Refusal.INSUFFICIENT_STOCK);
            throw refused;
        } catch (InvalidRequest refused) {
            metrics.refused(OrderMetrics.Refusal.INVALID_REQUEST);
            throw refused;
        }
    }

    private Order reserveAndPlace(NewOrder request, Caller caller) {
        var invalid = InvalidRequest.builder();
        if (!customers.isVisible(request.customerId(), caller)) {
            invalid.pointer("/customer_id", "No customer exists with this id.", "unknown_customer");
        }
        var seen = new HashSet<ProductId>();
        for (int i = 0; i < request.lines().size(); i++) {
            if (!seen.add(request.lines().get(i).productId())) {
                invalid.pointer(
                        "/lines/" + i + "/product_id", "The product is already on another line.", "duplicate_product");
            }
        }
        invalid.throwIfAny();
        var requests = request.lines().stream()
                .map(line -> new StockRequest(line.productId(), line.quantity()))
                .toList();
        List<ReservedStock> reserved;
        try {
            reserved = catalog.reserve(requests);
        } catch (UnknownProducts e) {
            var unknown = InvalidRequest.builder();
            for (int i = 0; i < request.lines().size(); i++) {
                if (e.missing().contains(request.lines().get(i).productId())) {
                    unknown.pointer(
                            "/lines/" + i + "/product_id", "No product exists with this id.", "unknown_product");
                }
            }
            unknown.throwIfAny();
            throw e;
        }
        var lines = reserved.stream()
                .map(r -> new OrderLine(r.productId(), r.sku(), r.name(), r.unitPrice(), r.quantity()))
                .toList();
        var order = Order.place(request.customerId(), lines, caller.subject(), clock.instant());
        orders.insert(order);
        events.publishEvent(new OrderPlaced(order));
        return order;
    }

    @Transactional(readOnly = true)
    public Order get(OrderId id, Caller caller) {
        return orders.findById(id, false)
                .filter(order -> visibleTo(order, caller))
                .orElseThrow(() -> OrderNotFound.withId(id));
    }

    @Transactional(readOnly = true)
    public Page<Order> list(OrderSearch search, Caller caller) {
        return orders.page(search, caller.customerId());
    }

    /**
     * The first page of each customer's orders, the searches all alike but for their customer (same status and
     * size, no cursor), in three statements whatever their number. A caller bound to a customer gets empty pages
     * for every other customer.
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, Page<Order>> firstPagesByCustomer(Map<CustomerId, OrderSearch> searches, Caller caller) {
        var visible = new LinkedHashMap<CustomerId, OrderSearch>();
        searches.forEach((customer, search) -> {
            if (caller.boundCustomer().map(customer.value()::equals).orElse(true)) {
                visible.put(customer, search);
            }
        });
        var pages = new LinkedHashMap<CustomerId, Page<Order>>(orders.firstPagesByCustomer(visible));
        searches.keySet().forEach(customer -> pages.putIfAbsent(customer, new Page<>(List.of(), null)));
        return pages;
    }

    /**
     * Moves the order to {@code target}. The row is locked while the transition is checked and written, so of
     * two concurrent cancellations exactly one succeeds and releases the stock.
     */
    @Transactional
    public Order transition(OrderId id, OrderStatus target, @Nullable String reason, Caller caller) {
        var current = orders.findById(id, true)
                .filter(order -> visibleTo(order, caller))
                .orElseThrow(() -> OrderNotFound.withId(id));
        if (target != OrderStatus.CANCELLED && caller.boundCustomer().isPresent()) {
            throw BoundClientRefused.because(
                    "Only a principal that is not bound to a customer may confirm, ship or deliver orders.");
        }
        var moved = current.transitionTo(target, caller.subject(), reason, clock.instant());
        orders.updateStatus(moved);
        events.publishEvent(OrderStatusChanged.of(current.status(), moved, reason));
        if (current.releasesStockMovingTo(target)) {
            catalog.release(current.lines().stream()
                    .map(line -> new StockRequest(line.productId(), line.quantity()))
                    .toList());
        }
        return moved;
    }

    private static boolean visibleTo(Order order, Caller caller) {
        return caller.boundCustomer()
                .map(bound -> Objects.equals(bound, order.customerId().value()))
                .orElse(true);
    }
}
