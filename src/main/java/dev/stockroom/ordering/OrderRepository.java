package dev.stockroom.ordering;

import dev.stockroom.catalog.ProductId;
import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in PostgreSQL: the order row, its lines and its status history. Writing an order costs three
 * statements whatever its size (multi-row inserts); reading a page of orders costs three queries.
 */
@Repository
class OrderRepository {

    private static final String COLUMNS = "id, customer_id, status, total, version, created_at, updated_at";

    private static final SortKey<Header, Instant> BY_CREATION =
            SortKey.instant("created_at", Header::createdAt, Header::id);

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    OrderRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /**
     * Saves a new order, its lines and its first step in one statement (data-modifying {@code with} clauses), so
     * placing an order costs one round trip here instead of three. The foreign keys of the lines and the step are
     * checked at the end of the statement, when the order row exists.
     */
    void insert(Order order) {
        var values = new ArrayList<String>();
        var params = new HashMap<String, @Nullable Object>();
        params.put("orderId", order.id().value());
        params.put("customerId", order.customerId().value());
        params.put("status", order.status().wireValue());
        params.put("total", order.total());
        params.put("version", order.version());
        params.put("createdAt", timestamp(order.createdAt()));
        params.put("updatedAt", timestamp(order.updatedAt()));
        for (int i = 0; i < order.lines().size(); i++) {
            var line = order.lines().get(i);
            values.add("(:orderId, %1$d, :product%1$d, :sku%1$d, :name%1$d, :price%1$d, :quantity%1$d, :total%1$d)"
                    .formatted(i));
            params.put("product" + i, line.productId().value());
            params.put("sku" + i, line.sku());
            params.put("name" + i, line.name());
            params.put("price" + i, line.unitPrice());
            params.put("quantity" + i, line.quantity());
            params.put("total" + i, line.lineTotal());
        }
        var first = order.history().getFirst();
        params.put("changeStatus", first.status().wireValue());
        params.put("changedAt", timestamp(first.at()));
        params.put("changedBy", first.by());
        params.put("reason", first.reason());
        jdbc.sql("""
                        with placed as (
                            insert into customer_order (id, customer_id, status, total, version, created_at, updated_at)
                            values (:orderId, :customerId, :status, :total, :version, :createdAt, :updatedAt)),
                        lines as (
                            insert into order_line (order_id, line_no, product_id, sku, name, unit_price, quantity,
                                                    line_total)
                            values %s)
                        insert into order_status_change (order_id, seq, status, changed_at, changed_by, reason)
                        values (:orderId, 0, :changeStatus, :changedAt, :changedBy, :reason)
                        """.formatted(String.join(", ", values))).params(params).update();
    }

    /** Saves a status change: the order row (only if still at the version it was read) and the new step. */
    void updateStatus(Order order) {
        jdbc.sql("""
                        update customer_order set status = :status, version = :version, updated_at = :updatedAt
                        where id = :id and version = :previous
                        """)
                .param("id", order.id().value())
                .param("status", order.status().wireValue())
                .param("version", order.version())
                .param("previous", order.version() - 1)
                .param("updatedAt", timestamp(order.updatedAt()))
                .update();
        insertChange(
                order.id().value(), order.history().size() - 1, order.history().getLast());
    }

    Optional<Order> findById(OrderId id, boolean forUpdate) {
        var rows = jdbc.sql(
                        "select " + COLUMNS + " from customer_order where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id.value())
                .query(OrderRepository::header)
                .list();
        return assemble(rows).stream().findFirst();
    }

    /** One page of orders in creation order; a customer's caller ({@code onlyCustomer}) sees only its own. */
    Page<Order> page(OrderSearch search, @Nullable UUID onlyCustomer) {
        var where = new Conditions();
        if (search.status() != null) {
            where.add("status = :status", "status", search.status().wireValue());
        }
        UUID wanted = search.customerId() == null ? null : search.customerId().value();
        UUID customer = onlyCustomer != null ? onlyCustomer : wanted;
        where.addIfPresent("customer_id = :customer", "customer", customer);
        if (onlyCustomer != null && wanted != null && !onlyCustomer.equals(wanted)) {
            where.nothing();
        }
        where.addIfPresent("created_at > :createdAfter", "createdAfter", search.createdAfter())
                .addIfPresent("created_at < :createdBefore", "createdBefore", search.createdBefore());
        return pages.read(
                        search,
                        "select " + COLUMNS + " from customer_order",
                        where,
                        BY_CREATION,
                        OrderRepository::header)
                .mapAll(this::assemble);
    }

    /**
     * The first page of each customer's orders, all with the same filters and size, in three statements whatever
     * the number of customers (the ranked headers, then every page's lines and history at once).
     */
    Map<CustomerId, Page<Order>> firstPagesByCustomer(Map<CustomerId, OrderSearch> searches) {
        var where = new Conditions();
        var status =
                searches.values().stream().findFirst().map(OrderSearch::status).orElse(null);
        where.addIfPresent("status = :status", "status", status == null ? null : status.wireValue());
        var headers = pages.firstPages(
                searches,
                COLUMNS,
                "customer_order",
                "customer_id",
                CustomerId::value,
                where,
                BY_CREATION,
                OrderRepository::header,
                Header::customerId);
        var all = assemble(headers.values().stream()
                        .flatMap(page -> page.items().stream())
                        .toList())
                .stream()
                .collect(Collectors.toMap(Order::id, order -> order));
        var orders = new LinkedHashMap<CustomerId, Page<Order>>();
        headers.forEach((customer, page) ->
                orders.put(customer, page.map(header -> Objects.requireNonNull(all.get(new OrderId(header.id()))))));
        return orders;
    }

    private void insertChange(UUID orderId, int seq, StatusChange change) {
        jdbc.sql("""
                        insert into order_status_change (order_id, seq, status, changed_at, changed_by, reason)
                        values (:orderId, :seq, :status, :at, :by, :reason)
                        """)
                .param("orderId", orderId)
                .param("seq", seq)
                .param("status", change.status().wireValue())
                .param("at", timestamp(change.at()))
                .param("by", change.by())
                .param("reason", change.reason())
                .update();
    }

    /** Loads the lines and history of all the orders at once and builds them, in the given order. */
    private List<Order> assemble(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        var ids = headers.stream().map(Header::id).toList();
        var lines = new HashMap<UUID, List<OrderLine>>();
        jdbc.sql("select order_id, product_id, sku, name, unit_price, quantity from order_line"
                        + " where order_id in (:ids) order by order_id, line_no")
                .param("ids", ids)
                .query((rs, row) -> {
                    lines.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                            .add(new OrderLine(
                                    new ProductId(rs.getObject("product_id", UUID.class)),
                                    rs.getString("sku"),
                                    rs.getString("name"),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getInt("quantity")));
                    return null;
                })
                .list();
        var history = new HashMap<UUID, List<StatusChange>>();
        jdbc.sql("select order_id, status, changed_at, changed_by, reason from order_status_change"
                        + " where order_id in (:ids) order by order_id, seq")
                .param("ids", ids)
                .query((rs, row) -> {
                    history.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                            .add(new StatusChange(
                                    OrderStatus.of(rs.getString("status")).orElseThrow(),
                                    rs.getObject("changed_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getString("changed_by"),
                                    rs.getString("reason")));
                    return null;
                })
                .list();
        var orders = new LinkedHashMap<UUID, Order>();
        for (var header : headers) {
            orders.put(
                    header.id(),
                    Order.restore(
                            new OrderId(header.id()),
                            header.customerId(),
                            header.status(),
                            lines.getOrDefault(header.id(), List.of()),
                            history.getOrDefault(header.id(), List.of()),
                            header.version(),
                            header.createdAt(),
                            header.updatedAt()));
        }
        return List.copyOf(orders.values());
    }

    private record Header(
            UUID id, CustomerId customerId, OrderStatus status, long version, Instant createdAt, Instant updatedAt) {}

    private static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                OrderStatus.of(rs.getString("status")).orElseThrow(),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
