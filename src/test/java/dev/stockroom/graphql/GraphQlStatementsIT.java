package dev.stockroom.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.GraphQl;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.StatementLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * No N+1: nested fields load through batch loaders, so a page of orders with their lines, customers and
 * products costs the same few statements for 5 orders as for 50. In a context of its own (the statements are
 * recorded), which also runs with introspection switched off.
 */
@ApiTest
@Import(StatementLog.class)
@TestPropertySource(properties = "spring.graphql.schema.introspection.enabled=false")
class GraphQlStatementsIT {

    private static final String[] TABLES = {
        "product", "customer", "customer_order", "order_line", "order_status_change", "stock_adjustment"
    };

    @Autowired
    Api api;

    @Test
    void aPageOfOrdersWithLinesCustomersAndProductsCostsTheSameStatementsForFiveAsForFifty() {
        var since = Instant.now().minusSeconds(1).toString();
        var customers = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            customers.add(CustomerData.create(api));
        }
        var products = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            products.add(ProductData.create(api, ProductData.aProduct("Counted " + i, "1.25", 1_000)));
        }
        for (int i = 0; i < 50; i++) {
            var order = Map.of(
                    "customer_id",
                    customers.get(i % 10),
                    "lines",
                    List.of(
                            Map.of("product_id", products.get(i % 10), "quantity", 1),
                            Map.of("product_id", products.get((i + 1) % 10), "quantity", 2)));
            assertThat(api.post("/v1/orders", order).send().status()).isEqualTo(201);
        }
        String query = """
                query($first: Int!, $since: DateTime) { orders(filter: {createdAfter: $since}, first: $first) {
                  edges { node { id total customer { email } lines { quantity product { name stock stockAdjustments(first: 3) { edges { node { delta } } } } } } } } }
                """;

        int five = statements(query, Map.of("first", 5, "since", since), "/data/orders/edges", 5);
        int fifty = statements(query, Map.of("first", 50, "since", since), "/data/orders/edges", 50);

        assertThat(fifty).isEqualTo(five).isLessThanOrEqualTo(6);

        String byCustomer = """
                query($first: Int!) { customers(first: $first) { edges { node { email
                  orders(first: 10) { edges { node { total lines { product { name } } } } } } } } }
                """;
        int fewCustomers = statements(byCustomer, Map.of("first", 2), "/data/customers/edges", 2);
        int manyCustomers = statements(byCustomer, Map.of("first", 40), "/data/customers/edges", -1);
        assertThat(manyCustomers).isEqualTo(fewCustomers).isLessThanOrEqualTo(5);
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        var answer = GraphQl.query(api, "{ __schema { types { name } } }");

        assertThat(answer.json().at("/data/__schema").isMissingNode()
                        || answer.json().at("/data/__schema").isNull())
                .as(answer.body())
                .isTrue();
        assertThat(answer.json().at("/errors/0/message").asString()).containsIgnoringCase("introspection");
        assertThat(GraphQl.query(api, "{ me { subject } }")
                        .json()
                        .at("/data/me/subject")
                        .asString())
                .isEqualTo(Api.ADMIN_CLIENT_ID);
    }

    /** Runs the query and answers how many statements touched the tables; checks the list it answers has {@code size} items. */
    private int statements(String query, Map<String, ?> variables, String list, int size) {
        StatementLog.clear();
        var answer = GraphQl.query(api, query, variables);
        var touched = StatementLog.touching(TABLES);
        assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
        if (size >= 0) {
            assertThat(answer.json().at(list).size()).isEqualTo(size);
        } else {
            assertThat(answer.json().at(list).size()).isGreaterThanOrEqualTo(10);
        }
        return touched.size();
    }
}
