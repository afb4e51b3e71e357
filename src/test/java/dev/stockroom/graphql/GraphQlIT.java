package dev.stockroom.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.shared.graphql.SchemaInspection;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.GraphQl;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.ProductData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * GraphQL over real HTTP on real PostgreSQL: the same data as REST, in the same exact decimals; nested reads;
 * Relay paging on the REST cursors; mutations through the same module services; the error model.
 */
@ApiTest
class GraphQlIT {

    private static final String PRODUCT_FIELDS =
            "id sku name description price stock inStock lowStockThreshold version createdAt updatedAt";

    @Autowired
    Api api;

    @Autowired
    SchemaInspection inspection;

    @Autowired
    GraphQlSource source;

    /**
     * The committed schema and the controllers do not drift apart: Spring's inspection finds every field mapped
     * and every argument bound; every root field but {@code me} is guarded by a scope, and every guarded field can
     * be null (a refused field must not null its parent).
     */
    @Test
    void theSchemaAndTheControllersAgree() {
        var report = java.util.Objects.requireNonNull(inspection.report());
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();

        var schema = source.schema();
        for (var root : List.of(schema.getQueryType(), java.util.Objects.requireNonNull(schema.getMutationType()))) {
            for (var field : root.getFieldDefinitions()) {
                if (!field.getName().equals("me")) {
                    assertThat(field.hasAppliedDirective("scope"))
                            .as(field.getName())
                            .isTrue();
                }
            }
        }
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof graphql.schema.GraphQLObjectType object
                    && !object.getName().startsWith("__")) {
                for (var field : object.getFieldDefinitions()) {
                    if (field.hasAppliedDirective("scope")) {
                        assertThat(field.getType())
                                .as(object.getName() + "." + field.getName())
                                .isNotInstanceOf(graphql.schema.GraphQLNonNull.class);
                    }
                }
            }
        }
    }

    @Test
    void aProductAnswersWhatRestAnswersWithExactMoney() {
        var id = ProductData.create(api, ProductData.aProduct("GraphQL widget", "17.50", 12));
        var rest = api.get("/v1/products/" + id).send();

        var answer =
                GraphQl.query(api, "query($id: ID!) { product(id: $id) { " + PRODUCT_FIELDS + " } }", Map.of("id", id));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
        var product = answer.json().at("/data/product");
        assertThat(product.at("/price").asString()).isEqualTo("17.50");
        assertThat(product.at("/id").asString()).isEqualTo(id);
        assertThat(product.at("/sku").asString()).isEqualTo(rest.at("/sku"));
        assertThat(product.at("/stock").asInt()).isEqualTo(12);
        assertThat(product.at("/inStock").asBoolean()).isTrue();
        assertThat(product.at("/version").asLong())
                .isEqualTo(rest.json().at("/version").asLong());
        assertThat(product.at("/createdAt").asString()).isEqualTo(rest.at("/created_at"));
    }

    @Test
    void connectionsPageWithTheRestCursors() {
        String q = "GraphQL paging " + java.util.UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ProductData.create(api, ProductData.aProduct(q + " " + i, "1.00", 1));
        }
        String query =
                "query($q: String, $after: String) { products(filter: {q: $q}, sort: NAME, first: 2, after: $after)"
                        + " { edges { node { name } } pageInfo { hasNextPage endCursor } } }";

        var first = GraphQl.query(api, query, Map.of("q", q)).json().at("/data/products");
        assertThat(first.at("/edges").size()).isEqualTo(2);
        assertThat(first.at("/edges/0/node/name").asString()).isEqualTo(q + " 0");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        String cursor = first.at("/pageInfo/endCursor").asString();
        var rest = api.get("/v1/products?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                        + "&sort=name&limit=2")
                .send();
        assertThat(cursor).isEqualTo(rest.at("/next_cursor"));

        var second = GraphQl.query(api, query, Map.of("q", q, "after", cursor))
                .json()
                .at("/data/products");
        assertThat(second.at("/edges").size()).isEqualTo(1);
        assertThat(second.at("/edges/0/node/name").asString()).isEqualTo(q + " 2");
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(second.at("/pageInfo/endCursor").isNull()).isTrue();
    }

    @Test
    void aCustomerWithItsOrdersTheirLinesAndEachLinesProductInOneQuery() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Nested widget", "2.50", 10));
        var order = OrderData.place(api, customer, product, 3);
        var etag = api.get("/v1/products/" + product).send().header("ETag");
        assertThat(api.patch("/v1/products/" + product, Map.of("name", "Nested widget, renamed"))
                        .header("If-Match", String.valueOf(etag))
                        .send()
                        .status())
                .isEqualTo(200);

        var answer = GraphQl.query(api, """
                query($id: ID!) { customer(id: $id) { email orders(first: 5) { edges { node {
                  id status total customer { id }
                  lines { productId name unitPrice quantity lineTotal product { name stock } }
                  statusHistory { status by } } } } } }
                """, Map.of("id", customer));

        assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
        var node = answer.json().at("/data/customer/orders/edges/0/node");
        assertThat(node.at("/id").asString()).isEqualTo(order);
        assertThat(node.at("/status").asString()).isEqualTo("PENDING");
        assertThat(node.at("/total").asString()).isEqualTo("7.50");
        assertThat(node.at("/customer/id").asString()).isEqualTo(customer);
        var line = node.at("/lines/0");
        assertThat(line.at("/name").asString())
                .as("the line keeps what was sold")
                .isEqualTo("Nested widget");
        assertThat(line.at("/product/name").asString())
                .as("the product as it is now")
                .isEqualTo("Nested widget, renamed");
        assertThat(line.at("/product/stock").asInt()).isEqualTo(7);
        assertThat(line.at("/lineTotal").asString()).isEqualTo("7.50");
        assertThat(node.at("/statusHistory/0/status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aProductsStockLedgerPages() {
        var product = ProductData.create(api, ProductData.aProduct("Ledger widget", "1.00", 10));
        for (int delta : new int[] {5, -2, 1}) {
            assertThat(api.post(
                                    "/v1/products/" + product + "/stock-adjustments",
                                    Map.of("delta", delta, "reason", "count"))
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        String query = "query($id: ID!, $after: String) { product(id: $id) { stockAdjustments(first: 2, after: $after)"
                + " { edges { node { delta stock reason } } pageInfo { hasNextPage endCursor } } } }";

        var first = GraphQl.query(api, query, Map.of("id", product)).json().at("/data/product/stockAdjustments");
        assertThat(first.at("/edges/0/node/delta").asInt()).isEqualTo(5);
        assertThat(first.at("/edges/1/node/stock").asInt()).isEqualTo(13);
        var after = first.at("/pageInfo/endCursor").asString();
        var second = GraphQl.query(api, query, Map.of("id", product, "after", after))
                .json()
                .at("/data/product/stockAdjustments");
        assertThat(second.at("/edges").size()).isEqualTo(1);
        assertThat(second.at("/edges/0/node/stock").asInt()).isEqualTo(14);
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void meNamesTheCaller() {
        var answer = GraphQl.query(api, "{ me { subject principalType scopes customerId } }");

        assertThat(answer.json().at("/data/me/subject").asString()).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(answer.json().at("/data/me/principalType").asString()).isEqualTo("client");
    }

    @Test
    void withoutATokenTheAnswerIs401WithTheRestProblem() {
        var answer = GraphQl.query(api.anonymous(), "{ me { subject } }");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.at("/type")).endsWith("/unauthorized");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnknownOrMalformedIdIsAnErrorWithItsCodeAndTheRestStillAnswers() {
        var answer = GraphQl.query(
                api,
                "{ a: product(id: \"%s\") { id } b: product(id: \"nope\") { id } me { subject } }"
                        .formatted(java.util.UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(200);
        var errors = answer.json().at("/errors");
        assertThat(errors.size()).isEqualTo(2);
        var byPath = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        errors.forEach(error -> byPath.put(error.at("/path/0").asString(), error));
        assertThat(byPath.get("a").at("/extensions/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(byPath.get("a").at("/extensions/type").asString()).endsWith("/not-found");
        assertThat(byPath.get("b").at("/extensions/code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(byPath.get("b").at("/extensions/errors/0/argument").asString())
                .isEqualTo("id");
        assertThat(answer.json().at("/data/a").isNull()).isTrue();
        assertThat(answer.json().at("/data/me/subject").asString()).isEqualTo(Api.ADMIN_CLIENT_ID);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.stockroom");
    }

    @Test
    void mutationsGoThroughTheModulesWithTheirValidationAndRefusals() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Mutation widget", "4.00", 2));
        String place = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status total } }";

        var placed = GraphQl.query(
                api,
                place,
                Map.of(
                        "input",
                        Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 2)))));
        assertThat(placed.json().has("errors")).as(placed.body()).isFalse();
        String order = placed.json().at("/data/placeOrder/id").asString();
        assertThat(placed.json().at("/data/placeOrder/total").asString()).isEqualTo("8.00");
        assertThat(api.get("/v1/products/" + product).send().json().at("/stock").asInt())
                .isZero();

        var short_ = GraphQl.query(
                api,
                place,
                Map.of(
                        "input",
                        Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 1)))));
        var conflict = short_.json().at("/errors/0");
        assertThat(conflict.at("/extensions/code").asString()).isEqualTo("CONFLICT");
        assertThat(conflict.at("/extensions/type").asString()).endsWith("/insufficient-stock");
        assertThat(conflict.at("/extensions/shortfalls/0/product_id").asString())
                .isEqualTo(product);
        assertThat(conflict.at("/extensions/shortfalls/0/available").asInt()).isZero();
        assertThat(short_.json().at("/data/placeOrder").isNull()).isTrue();

        var invalid = GraphQl.query(
                api,
                place,
                Map.of(
                        "input",
                        Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 0)))));
        var rest =
                api.post("/v1/orders", OrderData.anOrder(customer, product, 0)).send();
        var error = invalid.json().at("/errors/0");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.at("/extensions/errors/0/pointer").asString())
                .isEqualTo(rest.at("/errors/0/pointer"))
                .isEqualTo("/lines/0/quantity");
        assertThat(error.at("/extensions/errors/0/code").asString()).isEqualTo(rest.at("/errors/0/code"));

        var cancelled = GraphQl.query(
                api,
                "mutation($id: ID!) { cancelOrder(id: $id, reason: \"changed my mind\") { status statusHistory { status reason } } }",
                Map.of("id", order));
        assertThat(cancelled.json().at("/data/cancelOrder/status").asString())
                .as(cancelled.body())
                .isEqualTo("CANCELLED");
        assertThat(api.get("/v1/products/" + product).send().json().at("/stock").asInt())
                .isEqualTo(2);

        var again = GraphQl.query(api, "mutation($id: ID!) { cancelOrder(id: $id) { status } }", Map.of("id", order));
        assertThat(again.json().at("/errors/0/extensions/code").asString()).isEqualTo("CONFLICT");

        var adjusted = GraphQl.query(
                api,
                "mutation($id: ID!) { adjustStock(input: {productId: $id, delta: 3, reason: \"found\"}) { delta stock } }",
                Map.of("id", product));
        assertThat(adjusted.json().at("/data/adjustStock/stock").asInt())
                .as(adjusted.body())
                .isEqualTo(5);
        var zero = GraphQl.query(
                api,
                "mutation($id: ID!) { adjustStock(input: {productId: $id, delta: 0, reason: \"\"}) { stock } }",
                Map.of("id", product));
        assertThat(zero.json().at("/errors/0/extensions/errors").size())
                .as(zero.body())
                .isEqualTo(2);
    }

    @Test
    void anOrderMovesThroughItsLifecycleByMutationAsOnRest() {
        var customer = CustomerData.create(api);
        var product = ProductData.create(api, ProductData.aProduct("Lifecycle widget", "3.00", 5));
        var order = OrderData.place(api, customer, product, 1);

        for (var step : List.of(
                List.of("confirmOrder", "CONFIRMED"),
                List.of("shipOrder", "SHIPPED"),
                List.of("deliverOrder", "DELIVERED"))) {
            var answer = GraphQl.query(
                    api,
                    "mutation($id: ID!) { %s(id: $id, reason: \"step\") { status statusHistory { status reason } } }"
                            .formatted(step.get(0)),
                    Map.of("id", order));
            assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
            var moved = answer.json().at("/data/" + step.get(0));
            assertThat(moved.at("/status").asString()).isEqualTo(step.get(1));
            assertThat(moved.at("/statusHistory/" + (moved.at("/statusHistory").size() - 1) + "/reason")
                            .asString())
                    .isEqualTo("step");
            assertThat(api.get("/v1/orders/" + order).send().at("/status")).isEqualToIgnoringCase(step.get(1));
        }

        var again = GraphQl.query(api, "mutation($id: ID!) { shipOrder(id: $id) { status } }", Map.of("id", order));
        assertThat(again.json().at("/errors/0/extensions/code").asString()).isEqualTo("CONFLICT");
        assertThat(again.json().at("/data/shipOrder").isNull()).isTrue();
    }

    /**
     * Hostile values in arguments and inputs get a clear refusal, never an internal error, and reach nothing: NUL and
     * other control characters, strings past their length, numbers past 32 bits, dates past year 9999. A value the
     * request body itself may not hold is refused as on REST (422 problem details, the pointer into {@code
     * variables}); one the field may not take is a BAD_USER_INPUT (or the GraphQL validation error for a value its
     * type cannot hold).
     */
    @Test
    void hostileValuesAreRefusedAsBadInput() {
        var product = ProductData.create(api, ProductData.aProduct("Hostile widget", "1.00", 5));
        var cases = new java.util.LinkedHashMap<String, Map<String, Object>>();
        String products = "query($q: String) { products(filter: {q: $q}) { edges { node { id } } } }";
        cases.put(products, Map.of("q", "nul\u0000byte"));
        cases.put(products + " ", Map.of("q", "x".repeat(10_000)));
        cases.put("{ products(filter: {q: \"a\\u0000b\"}) { edges { node { id } } } }", Map.of());
        cases.put(
                "mutation { cancelOrder(id: \"%s\", reason: \"\\u0007\") { status } }"
                        .formatted(java.util.UUID.randomUUID()),
                Map.of());
        String customers = "query($q: String) { customers(q: $q) { edges { node { id } } } }";
        cases.put(customers, Map.of("q", "bell\u0007"));
        cases.put(customers + " ", Map.of("q", "y".repeat(10_000)));
        String orders = "query($after: DateTime) { orders(filter: {createdAfter: $after}) { edges { node { id } } } }";
        cases.put(orders, Map.of("after", "+10000-01-01T00:00:00Z"));
        cases.put("{ products(filter: {minPrice: \"1e999999999\"}) { edges { node { id } } } }", Map.of());
        String adjust = "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { stock } }";
        cases.put(adjust, Map.of("input", Map.of("productId", product, "delta", 1, "reason", "nul\u0000")));
        cases.put(
                adjust + " ", Map.of("input", Map.of("productId", product, "delta", 1, "reason", "z".repeat(10_000))));
        cases.put(
                adjust + "  ",
                Map.of("input", Map.of("productId", product, "delta", 99_999_999_999L, "reason", "big")));
        String cancel = "mutation($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { status } }";
        cases.put(cancel, Map.of("id", java.util.UUID.randomUUID().toString(), "reason", "r".repeat(10_000)));

        cases.forEach((query, variables) -> {
            var answer = GraphQl.query(api, query, variables);
            if (answer.status() == 422) {
                assertThat(answer.at("/type")).endsWith("/validation-error");
                assertThat(answer.at("/errors/0/pointer")).startsWith("/variables/");
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().at("/errors/0/extensions/code").asString())
                        .as(query + " " + answer.body())
                        .isIn("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");
            }
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("INTERNAL_ERROR");
        });
        assertThat(api.get("/v1/products/" + product).send().json().at("/stock").asInt())
                .as("no hostile adjustment went through")
                .isEqualTo(5);
    }

    @Test
    void limitsRefuseAQueryBeforeItRuns() {
        var tooMany = GraphQl.query(api, "{ products(first: 101) { edges { node { id } } } }");
        assertThat(tooMany.json().at("/errors/0/extensions/code").asString())
                .as(tooMany.body())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(tooMany.json().at("/data").isMissingNode()
                        || tooMany.json().at("/data").isNull())
                .isTrue();

        var complex = GraphQl.query(
                api,
                "{ products(first: 100) { edges { node { stockAdjustments(first: 100) { edges { node { id delta reason stock } } } } } } }");
        assertThat(complex.json().at("/errors/0/extensions/code").asString())
                .as(complex.body())
                .isEqualTo("QUERY_TOO_COMPLEX");

        var deep = GraphQl.query(
                api,
                "{ orders(first: 1) { edges { node { customer { orders(first: 1) { edges { node { customer {"
                        + " orders(first: 1) { edges { node { customer { orders(first: 1) { edges { node { id } } } } } } } } } } } } } } } }");
        assertThat(deep.json().at("/errors/0/extensions/code").asString())
                .as(deep.body())
                .isEqualTo("QUERY_TOO_DEEP");

        var huge = GraphQl.query(api, "{ me { subject } }" + " ".repeat(30_000));
        assertThat(huge.json().at("/errors/0/extensions/code").asString())
                .as(huge.body())
                .isEqualTo("GRAPHQL_PARSE_FAILED");

        var unknown = GraphQl.query(api, "{ nothing }");
        assertThat(unknown.json().at("/errors/0/extensions/code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }
}
