package dev.stockroom.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.GraphQl;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.ProductData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The same rules as REST through every path of the graph: each guarded field against a token without its
 * scope (the field null with FORBIDDEN, the rest of the query answered), and two partner clients, each bound to
 * its own customer, against every root and nested field that reaches customers or orders.
 */
@ApiTest
class GraphQlAuthorizationIT {

    private static final List<String> READ_SCOPES =
            List.of("products:read", "customers:read", "orders:read", "products:write", "orders:write");

    private static final List<String> PARTNER_SCOPES =
            List.of("customers:read", "orders:read", "orders:write", "products:read");

    @Autowired
    Api admin;

    String acme;
    String globex;
    String product;
    String acmeOrder;
    String globexOrder;
    Api acmePartner;

    @BeforeEach
    void setUp() {
        acme = CustomerData.create(admin);
        globex = CustomerData.create(admin);
        product = ProductData.create(admin, ProductData.aProduct("Guarded stock", "5.00", 100));
        acmeOrder = OrderData.place(admin, acme, product, 1);
        globexOrder = OrderData.place(admin, globex, product, 1);
        acmePartner = CustomerData.partnerOf(admin, acme, PARTNER_SCOPES);
    }

    /** A guarded field, the scope it needs, and a query that reaches it (and also asks for {@code me}). */
    private record Guarded(String field, String scope, String query) {}

    private List<Guarded> guardedFields() {
        return List.of(
                new Guarded(
                        "product", "products:read", "{ product(id: \"%s\") { id } me { subject } }".formatted(product)),
                new Guarded(
                        "products", "products:read", "{ products(first: 1) { edges { node { id } } } me { subject } }"),
                new Guarded(
                        "Product.stockAdjustments",
                        "products:read",
                        "{ order(id: \"%s\") { lines { product { stockAdjustments { edges { node { id } } } } } } me { subject } }"
                                .formatted(acmeOrder)),
                new Guarded(
                        "customer", "customers:read", "{ customer(id: \"%s\") { id } me { subject } }".formatted(acme)),
                new Guarded(
                        "customers",
                        "customers:read",
                        "{ customers(first: 1) { edges { node { id } } } me { subject } }"),
                new Guarded("order", "orders:read", "{ order(id: \"%s\") { id } me { subject } }".formatted(acmeOrder)),
                new Guarded("orders", "orders:read", "{ orders(first: 1) { edges { node { id } } } me { subject } }"),
                new Guarded(
                        "Order.customer",
                        "customers:read",
                        "{ order(id: \"%s\") { customer { id } } me { subject } }".formatted(acmeOrder)),
                new Guarded(
                        "OrderLine.product",
                        "products:read",
                        "{ order(id: \"%s\") { lines { product { id } } } me { subject } }".formatted(acmeOrder)),
                new Guarded(
                        "Customer.orders",
                        "orders:read",
                        "{ customer(id: \"%s\") { orders { edges { node { id } } } } me { subject } }".formatted(acme)),
                new Guarded(
                        "adjustStock",
                        "products:write",
                        "mutation { adjustStock(input: {productId: \"%s\", delta: 1, reason: \"x\"}) { id } }"
                                .formatted(product)),
                new Guarded(
                        "cancelOrder",
                        "orders:write",
                        "mutation { cancelOrder(id: \"%s\") { id } }".formatted(acmeOrder)));
    }

    @Test
    void everyGuardedFieldNeedsItsScopeAndTheRestOfTheQueryStillAnswers() {
        for (var guarded : guardedFields()) {
            var scopes = new ArrayList<>(READ_SCOPES);
            scopes.remove(guarded.scope());
            var token = admin.anonymous()
                    .clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, String.join(" ", scopes));
            var answer = GraphQl.query(admin.withToken(token), guarded.query());

            assertThat(answer.status()).as(guarded.field()).isEqualTo(200);
            JsonNode error = answer.json().at("/errors/0");
            assertThat(error.at("/extensions/code").asString())
                    .as(guarded.field() + ": " + answer.body())
                    .isEqualTo("FORBIDDEN");
            assertThat(error.at("/extensions/type").asString())
                    .as(guarded.field())
                    .endsWith("/insufficient-scope");
            assertThat(error.at("/extensions/scope").asString())
                    .as(guarded.field())
                    .isEqualTo(guarded.scope());
            if (!guarded.query().startsWith("mutation")) {
                assertThat(answer.json().at("/data/me/subject").asString())
                        .as(guarded.field())
                        .isEqualTo(Api.ADMIN_CLIENT_ID);
            }
        }
        assertThat(admin.get("/v1/products/" + product)
                        .send()
                        .json()
                        .at("/stock")
                        .asInt())
                .as("the refused adjustment changed nothing")
                .isEqualTo(98);
        assertThat(admin.get("/v1/orders/" + acmeOrder).send().at("/status")).isEqualTo("pending");

        for (var guarded : guardedFields()) {
            if (guarded.query().startsWith("mutation")) {
                continue;
            }
            var token = admin.anonymous()
                    .clientToken(Api.ADMIN_CLIENT_ID, Api.ADMIN_CLIENT_SECRET, String.join(" ", READ_SCOPES));
            var answer = GraphQl.query(admin.withToken(token), guarded.query());
            assertThat(answer.json().has("errors"))
                    .as(guarded.field() + " with its scope: " + answer.body())
                    .isFalse();
        }
    }

    @Test
    void aPartnerSeesOnlyItsOwnCustomerAndOrdersThroughEveryPath() {
        var otherOrder = GraphQl.query(acmePartner, "{ order(id: \"%s\") { id } }".formatted(globexOrder));
        assertThat(otherOrder.json().at("/data/order").isNull()).isTrue();
        assertThat(otherOrder.json().at("/errors/0/extensions/code").asString()).isEqualTo("NOT_FOUND");

        var otherCustomer = GraphQl.query(
                acmePartner, "{ customer(id: \"%s\") { id orders { edges { node { id } } } } }".formatted(globex));
        assertThat(otherCustomer.json().at("/data/customer").isNull()).isTrue();
        assertThat(otherCustomer.json().at("/errors/0/extensions/code").asString())
                .isEqualTo("NOT_FOUND");

        var orders = GraphQl.query(
                acmePartner, "{ orders(first: 100) { edges { node { id customerId customer { id } } } } }");
        assertThat(orders.json().has("errors")).as(orders.body()).isFalse();
        var seen = new ArrayList<String>();
        orders.json().at("/data/orders/edges").forEach(edge -> {
            seen.add(edge.at("/node/id").asString());
            assertThat(edge.at("/node/customerId").asString()).isEqualTo(acme);
            assertThat(edge.at("/node/customer/id").asString()).isEqualTo(acme);
        });
        assertThat(seen).contains(acmeOrder).doesNotContain(globexOrder);

        var filtered = GraphQl.query(
                acmePartner, "{ orders(filter: {customerId: \"%s\"}) { edges { node { id } } } }".formatted(globex));
        assertThat(filtered.json().at("/data/orders/edges").size()).isZero();

        var customers = GraphQl.query(
                acmePartner, "{ customers(first: 100) { edges { node { id orders { edges { node { id } } } } } } }");
        var customerIds = new ArrayList<String>();
        customers
                .json()
                .at("/data/customers/edges")
                .forEach(edge -> customerIds.add(edge.at("/node/id").asString()));
        assertThat(customerIds).containsExactly(acme);
        var nested = new ArrayList<String>();
        customers
                .json()
                .at("/data/customers/edges/0/node/orders/edges")
                .forEach(edge -> nested.add(edge.at("/node/id").asString()));
        assertThat(nested).containsExactly(acmeOrder);

        var cancelOther =
                GraphQl.query(acmePartner, "mutation { cancelOrder(id: \"%s\") { id } }".formatted(globexOrder));
        assertThat(cancelOther.json().at("/errors/0/extensions/code").asString())
                .isEqualTo("NOT_FOUND");
        var confirmOwn =
                GraphQl.query(acmePartner, "mutation { confirmOrder(id: \"%s\") { id } }".formatted(acmeOrder));
        assertThat(confirmOwn.json().at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        var orderForOther = GraphQl.query(
                acmePartner,
                "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                Map.of(
                        "input",
                        Map.of("customerId", globex, "lines", List.of(Map.of("productId", product, "quantity", 1)))));
        assertThat(orderForOther.json().at("/errors/0/extensions/code").asString())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(orderForOther
                        .json()
                        .at("/errors/0/extensions/errors/0/pointer")
                        .asString())
                .isEqualTo("/customer_id");
        assertThat(admin.get("/v1/orders/" + globexOrder).send().at("/status")).isEqualTo("pending");
    }
}
