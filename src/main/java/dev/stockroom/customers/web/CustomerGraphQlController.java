package dev.stockroom.customers.web;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.customers.CustomerSearch;
import dev.stockroom.customers.Customers;
import dev.stockroom.shared.graphql.Connection;
import dev.stockroom.shared.graphql.InvalidArgument;
import dev.stockroom.shared.graphql.Loaders;
import dev.stockroom.shared.graphql.Loaders.ChildPage;
import dev.stockroom.shared.security.Caller;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Customers in GraphQL: the same {@link Customers} calls, and so the same object-level rule, as {@link
 * CustomerController}; a batch loader answers every order's customer at once. A customer's orders are the
 * ordering module's: this asks its loader ({@link Loaders#CUSTOMER_ORDERS}) for them.
 */
@Controller
class CustomerGraphQlController {

    private final Customers customers;

    CustomerGraphQlController(Customers customers, BatchLoaderRegistry loaders) {
        this.customers = customers;
        loaders.<UUID, CustomerResponse>forName(Loaders.CUSTOMERS)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> visible(ids)));
    }

    @QueryMapping
    CustomerResponse customer(@Argument String id) {
        return CustomerResponse.from(customers.get(new CustomerId(InvalidArgument.id(id, "id")), Caller.current()));
    }

    @QueryMapping
    Connection<CustomerResponse> customers(
            @Argument @Nullable String q, @Argument int first, @Argument @Nullable String after) {
        var search = new CustomerSearch(InvalidArgument.text(q, "q", 200), InvalidArgument.first(first), after);
        return Connection.of(customers.list(search, Caller.current()), CustomerResponse::from);
    }

    @SchemaMapping(typeName = "Customer")
    CompletableFuture<Object> orders(
            CustomerResponse customer,
            @Argument @Nullable String status,
            @Argument int first,
            @Argument @Nullable String after,
            DataFetchingEnvironment environment) {
        var arguments = new HashMap<String, @Nullable Object>();
        arguments.put("status", status);
        arguments.put("first", first);
        arguments.put("after", after);
        return Objects.requireNonNull(environment.<ChildPage, Object>getDataLoader(Loaders.CUSTOMER_ORDERS))
                .load(ChildPage.of(customer.id(), arguments));
    }

    private Map<UUID, CustomerResponse> visible(Set<UUID> ids) {
        var found = new HashMap<UUID, CustomerResponse>();
        customers
                .getAll(ids.stream().map(CustomerId::new).toList(), Caller.current())
                .forEach((id, customer) -> found.put(id.value(), CustomerResponse.from(customer)));
        return found;
    }
}
