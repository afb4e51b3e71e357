package dev.stockroom.ordering.web;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.ordering.OrderId;
import dev.stockroom.ordering.OrderSearch;
import dev.stockroom.ordering.OrderStatus;
import dev.stockroom.ordering.Orders;
import dev.stockroom.shared.graphql.ChildPages;
import dev.stockroom.shared.graphql.Connection;
import dev.stockroom.shared.graphql.InvalidArgument;
import dev.stockroom.shared.graphql.Loaders;
import dev.stockroom.shared.graphql.Loaders.ChildPage;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.web.BodyValidator;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Orders in GraphQL: the same {@link Orders} calls as {@link OrderController} (so the same validation,
 * transactions, object-level rules, audit events and webhooks), the same response records, and batch loaders:
 * the lines come with their orders, each line's product and each order's customer come for all of them at once
 * from the catalog's and the customers' loaders, and every customer's first page of orders from one statement.
 */
@Controller
class OrderGraphQlController {

    private final Orders orders;
    private final BodyValidator validator;

    OrderGraphQlController(Orders orders, BodyValidator validator, BatchLoaderRegistry loaders) {
        this.orders = orders;
        this.validator = validator;
        loaders.<ChildPage, Connection<OrderResponse>>forName(Loaders.CUSTOMER_ORDERS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> byCustomer(keys)));
    }

    /** The schema's OrderStatus values stand for the wire values REST uses ({@code PENDING} for "pending"). */
    @Bean
    static RuntimeWiringConfigurer orderStatusValues() {
        return (RuntimeWiring.Builder wiring) -> wiring.type(TypeRuntimeWiring.newTypeWiring("OrderStatus")
                .enumValues(name -> OrderStatus.valueOf(name).wireValue()));
    }

    /** Input of {@code orders(filter:)}; the status as its wire value. */
    record OrderFilter(
            @Nullable String status,
            @Nullable String customerId,
            @Nullable Instant createdAfter,
            @Nullable Instant createdBefore) {}

    @QueryMapping
    OrderResponse order(@Argument String id) {
        var caller = Caller.current();
        return OrderResponse.from(orders.get(new OrderId(InvalidArgument.id(id, "id")), caller), caller);
    }

    @QueryMapping(name = "orders")
    Connection<OrderResponse> orderList(
            @Argument @Nullable OrderFilter filter, @Argument int first, @Argument @Nullable String after) {
        var caller = Caller.current();
        var customer = filter == null ? null : InvalidArgument.optionalId(filter.customerId(), "filter.customerId");
        var search = new OrderSearch(
                filter == null ? null : status(filter.status()),
                customer == null ? null : new CustomerId(customer),
                filter == null ? null : filter.createdAfter(),
                filter == null ? null : filter.createdBefore(),
                InvalidArgument.first(first),
                after);
        return Connection.of(orders.list(search, caller), order -> OrderResponse.from(order, caller));
    }

    @SchemaMapping(typeName = "Order")
    CompletableFuture<Object> customer(OrderResponse order, DataFetchingEnvironment environment) {
        return Objects.requireNonNull(environment.<UUID, Object>getDataLoader(Loaders.CUSTOMERS))
                .load(order.customerId());
    }

    @SchemaMapping(typeName = "OrderLine")
    CompletableFuture<Object> product(OrderResponse.Line line, DataFetchingEnvironment environment) {
        return Objects.requireNonNull(environment.<UUID, Object>getDataLoader(Loaders.PRODUCTS))
                .load(line.productId());
    }

    @MutationMapping
    OrderResponse placeOrder(@Argument Map<String, Object> input) {
        var lines = new ArrayList<CreateOrderRequest.LineRequest>();
        @SuppressWarnings("unchecked")
        var given = (List<Map<String, Object>>) Objects.requireNonNull(input.get("lines"));
        for (int i = 0; i < given.size(); i++) {
            var line = given.get(i);
            lines.add(new CreateOrderRequest.LineRequest(
                    InvalidArgument.id(String.valueOf(line.get("productId")), "input.lines." + i + ".productId"),
                    (Integer) line.get("quantity")));
        }
        var request = new CreateOrderRequest(
                InvalidArgument.id(String.valueOf(input.get("customerId")), "input.customerId"), lines);
        validator.validate(request);
        var caller = Caller.current();
        return OrderResponse.from(orders.place(request.toCommand(), caller), caller);
    }

    @MutationMapping
    OrderResponse cancelOrder(@Argument String id, @Argument @Nullable String reason) {
        return transition(id, OrderStatus.CANCELLED, reason);
    }

    @MutationMapping
    OrderResponse confirmOrder(@Argument String id, @Argument @Nullable String reason) {
        return transition(id, OrderStatus.CONFIRMED, reason);
    }

    @MutationMapping
    OrderResponse shipOrder(@Argument String id, @Argument @Nullable String reason) {
        return transition(id, OrderStatus.SHIPPED, reason);
    }

    @MutationMapping
    OrderResponse deliverOrder(@Argument String id, @Argument @Nullable String reason) {
        return transition(id, OrderStatus.DELIVERED, reason);
    }

    private OrderResponse transition(String id, OrderStatus target, @Nullable String reason) {
        var orderId = new OrderId(InvalidArgument.id(id, "id"));
        validator.validate(new TransitionRequest(reason));
        var caller = Caller.current();
        return OrderResponse.from(orders.transition(orderId, target, reason, caller), caller);
    }

    private static @Nullable OrderStatus status(@Nullable String wireValue) {
        return wireValue == null ? null : OrderStatus.of(wireValue).orElseThrow();
    }

    /** Customers' orders: the first pages of all customers in three statements, later pages one by one. */
    private Map<ChildPage, Connection<OrderResponse>> byCustomer(Set<ChildPage> keys) {
        var caller = Caller.current();
        return ChildPages.load(
                keys,
                CustomerId::new,
                (customer, key) -> new OrderSearch(
                        status(key.arguments().get("status") instanceof String status ? status : null),
                        customer,
                        null,
                        null,
                        InvalidArgument.first(key.first()),
                        key.after()),
                searches -> orders.firstPagesByCustomer(searches, caller),
                search -> orders.list(search, caller),
                order -> OrderResponse.from(order, caller));
    }
}
