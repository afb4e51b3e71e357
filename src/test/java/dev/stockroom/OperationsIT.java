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
