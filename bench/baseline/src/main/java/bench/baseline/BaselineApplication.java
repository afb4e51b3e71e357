package bench.baseline;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Stockroom's product reads cost without Stockroom: the same SELECT on the same table, mapped to the same
 * JSON, with the ETag, and nothing else.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    record Product(
            UUID id,
            String sku,
            String name,
            String description,
            BigDecimal price,
            int stock,
            boolean inStock,
            int lowStockThreshold,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    @RestController
    static class Products {

        private static final String COLUMNS =
                "id, sku, name, description, price, stock, low_stock_threshold, version, created_at, updated_at";

        private final JdbcClient jdbc;

        Products(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/v1/products/{id}")
        ResponseEntity<Product> one(@PathVariable UUID id) {
            return jdbc.sql("select " + COLUMNS + " from product where id = :id")
                    .param("id", id)
                    .query(Products::product)
                    .optional()
                    .map(product -> ResponseEntity.ok()
                            .eTag("\"" + product.version() + "\"")
                            .body(product))
                    .orElseGet(() -> ResponseEntity.notFound().build());
        }

        @GetMapping("/v1/products")
        Map<String, List<Product>> page(@RequestParam(defaultValue = "20") int limit) {
            return Map.of(
                    "items",
                    jdbc.sql("select " + COLUMNS + " from product order by created_at, id limit :limit")
                            .param("limit", Math.min(limit, 100))
                            .query(Products::product)
                            .list());
        }

        private static Product product(ResultSet rs, int row) throws SQLException {
            int stock = rs.getInt("stock");
            return new Product(
                    rs.getObject("id", UUID.class),
                    rs.getString("sku"),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getBigDecimal("price"),
                    stock,
                    stock > 0,
                    rs.getInt("low_stock_threshold"),
                    rs.getLong("version"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        }
    }
}
