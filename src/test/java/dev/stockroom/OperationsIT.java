package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class OperationsIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void talksToRealPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).contains("PostgreSQL");
    }

    @Test
    void livenessIsUp() {
        var response = api.get("/actuator/health/liveness").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/status")).isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheDatabase() {
        var response = api.get("/actuator/health/readiness").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/status")).isEqualTo("UP");
        assertThat(response.at("/components/db/status")).isEqualTo("UP");
    }

    @Test
    void theProbesAreAlsoAtLivezAndReadyzOnTheMainPort() {
        var live = api.anonymous().get("/livez").send();
        var ready = api.anonymous().get("/readyz").send();

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.at("/status")).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.at("/components/db/status")).isEqualTo("UP");
    }

    @Test
    void theManagementPortServesTheActuatorWithoutAToken() {
        var management = api.management();

        assertThat(management.get("/actuator/health/readiness").send().at("/components/db/status"))
                .isEqualTo("UP");
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(management
                        .get("/actuator/metrics/hikaricp.connections.max")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(management
                        .get("/actuator/prometheus")
                        .header("Accept", "text/plain")
                        .send()
                        .body())
                .contains("# TYPE stockroom_orders_placed_total counter");
    }

    @Test
    void nothingButTheProbesOfTheActuatorIsOnTheMainPort() {
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(404);
        assertThat(api.get("/actuator/info").send().status()).isEqualTo(404);
        assertThat(api.get("/actuator/metrics").send().status()).isEqualTo(404);
    }

    @Test
    void schemaEnforcesWhatValidationEnforces() {
        var sql = "insert into product (id, sku, name, price, stock, version, created_at, updated_at)"
                + " values (gen_random_uuid(), :sku, 'n', :price, :stock, 1, now(), now())";
        assertThat(violates(sql, "lower", "1.00", 1)).isTrue();
        assertThat(violates(sql, "OK-SKU-1", "0", 1)).isTrue();
        assertThat(violates(sql, "OK-SKU-2", "1.00", -1)).isTrue();
    }

    private boolean violates(String sql, String sku, String price, int stock) {
        try {
            jdbc.sql(sql)
                    .param("sku", sku)
                    .param("price", new java.math.BigDecimal(price))
                    .param("stock", stock)
                    .update();
            return false;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return true;
        }
    }
}
