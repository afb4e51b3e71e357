package dev.stockroom.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.ProductData;
import dev.stockroom.support.SecondInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hundreds of concurrent orders for a product with little stock, through one instance and through two on the same
 * database: the stock never goes negative, units sold equal the stock that went away, and every refused order
 * left no trace.
 */
@ApiTest
class NoOversellingIT {

    private static final int ORDERS = 300;
    private static final int STOCK = 40;

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentOrdersThroughOneInstanceNeverOversell() throws Exception {
        fireAndCheck(api, List.of(api));
    }

    @Test
    void concurrentOrdersThroughTwoInstancesNeverOversell() throws Exception {
        try (var other = SecondInstance.sharing(dataSource)) {
            fireAndCheck(api, List.of(api, new Api(other.port())));
        }
    }

    private void fireAndCheck(Api admin, List<Api> instances) throws Exception {
        String customer = CustomerData.create(admin);
        String product = ProductData.create(admin, ProductData.aProduct("Hot item", "9.99", STOCK));
        String other = ProductData.create(admin, ProductData.aProduct("Side item", "1.00", 10_000));
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Integer>>();

        try (var pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < ORDERS; i++) {
                var via = instances.get(i % instances.size());
                int quantity = 1 + ThreadLocalRandom.current().nextInt(3);
                results.add(pool.submit(() -> {
                    start.await();
                    return via.post(
                                    "/v1/orders",
                                    Map.of(
                                            "customer_id",
                                            customer,
                                            "lines",
                                            List.of(
                                                    Map.of("product_id", other, "quantity", 1),
                                                    Map.of("product_id", product, "quantity", quantity))))
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isIn(201, 409);
            }
        }

        long placed = results.stream().filter(r -> resultOf(r) == 201).count();
        int finalStock =
                admin.get("/v1/products/" + product).send().json().get("stock").asInt();
        int sideStock =
                admin.get("/v1/products/" + other).send().json().get("stock").asInt();
        Integer sold = jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from order_line l join customer_order o on o.id = l.order_id
                        where o.customer_id = :customer and l.product_id = :product
                        """)
                .param("customer", java.util.UUID.fromString(customer))
                .param("product", java.util.UUID.fromString(product))
                .query(Integer.class)
                .single();
        Integer orders = jdbc.sql("select count(*) from customer_order where customer_id = :customer")
                .param("customer", java.util.UUID.fromString(customer))
                .query(Integer.class)
                .single();

        assertThat(finalStock).isBetween(0, STOCK);
        assertThat(sold).isEqualTo(STOCK - finalStock);
        assertThat(orders).isEqualTo((int) placed);
        assertThat(sideStock)
                .as("refused orders took nothing of their other lines")
                .isEqualTo(10_000 - (int) placed);
        assertThat(placed).isPositive().isLessThan(ORDERS);
    }

    private static int resultOf(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
