package dev.stockroom.catalog;

import static dev.stockroom.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.stockroom.support.Api;
import dev.stockroom.support.ApiTest;
import dev.stockroom.support.CustomerData;
import dev.stockroom.support.OrderData;
import dev.stockroom.support.ProductData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product cache on one instance: reads come from memory, a change through the API is seen at once, a change
 * in the database by any writer within one second, and while the listener is gone every read asks the database.
 */
@ApiTest
class ProductCacheIT {

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProductChangeListener listener;

    @Autowired
    ProductCache cache;

    @BeforeEach
    void listening() {
        assertThat(within(Duration.ofSeconds(10), cache::isServing)).isTrue();
    }

    @Test
    void servesAProductReadOnceFromMemory() throws SQLException {
        String id = ProductData.create(api, ProductData.aProduct("Remembered", "2.00", 3));
        assertThat(name(id)).isEqualTo("Remembered");

        renameUnheard(id, "Renamed unheard");

        assertThat(name(id)).as("from memory").isEqualTo("Remembered");
    }

    @Test
    void aChangeThroughTheApiIsSeenAtOnceOnTheSameInstance() {
        String id = ProductData.create(api, ProductData.aProduct("Changing", "2.00", 10));
        api.get("/v1/products/" + id).send();

        api.patch("/v1/products/" + id, Map.of("name", "Changed")).send();
        var renamed = api.get("/v1/products/" + id).send();
        assertThat(renamed.at("/name")).isEqualTo("Changed");
        assertThat(renamed.header("ETag")).isEqualTo("\"2\"");

        api.post("/v1/products/" + id + "/stock-adjustments", Map.of("delta", -4, "reason", "damaged"))
                .send();
        var adjusted = api.get("/v1/products/" + id).send();
        assertThat(adjusted.at("/stock")).isEqualTo("6");
        assertThat(adjusted.header("ETag")).isEqualTo("\"3\"");

        String order = OrderData.place(api, CustomerData.create(api), id, 5);
        assertThat(api.get("/v1/products/" + id).send().at("/stock")).isEqualTo("1");

        api.post("/v1/orders/" + order + "/cancel", Map.of("reason", "changed my mind"))
                .send();
        assertThat(api.get("/v1/products/" + id).send().at("/stock")).isEqualTo("6");

        api.delete("/v1/products/" + id).header("If-Match", "\"5\"").send();
        assertThat(api.get("/v1/products/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void aChangeMadeInTheDatabaseIsSeenWithinOneSecond() throws SQLException {
        String id = ProductData.create(api, ProductData.aProduct("By the API", "2.00", 3));
        api.get("/v1/products/" + id).send();

        try (var psql = connectionNamed("psql");
                var update = psql.prepareStatement(
                        "update product set name = 'By hand', version = version + 1 where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
        long changed = System.nanoTime();

        assertThat(within(Duration.ofSeconds(1), () -> name(id).equals("By hand")))
                .as("seen within a second")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(1));
        assertThat(api.get("/v1/products/" + id).send().header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void theServiceAnnouncesItsOwnChangesAfterCommitAndTheTriggerOnlyOthers() throws SQLException {
        String id = ProductData.create(api, ProductData.aProduct("Announced", "2.00", 3));
        try (var listening = connectionNamed("test-listener")) {
            try (var statement = listening.createStatement()) {
                statement.execute("LISTEN " + ProductChangeListener.CHANNEL);
            }
            var notifications = listening.unwrap(PGConnection.class);

            JdbcClient.create(dataSource) // a pooled connection of the service: the trigger stays silent
                    .sql("update product set description = 'pool' where id = :id")
                    .param("id", UUID.fromString(id))
                    .update();
            assertThat(payloads(notifications, Duration.ofMillis(300))).doesNotContain(id);

            api.patch("/v1/products/" + id, Map.of("name", "Announced twice")).send();
            assertThat(String.join(",", payloads(notifications, Duration.ofSeconds(1))))
                    .as("announced by the service after its commit")
                    .contains(id);

            try (var psql = connectionNamed("psql");
                    var update = psql.prepareStatement("update product set description = 'psql' where id = ?")) {
                update.setObject(1, UUID.fromString(id));
                update.executeUpdate();
            }
            assertThat(payloads(notifications, Duration.ofSeconds(1)))
                    .as("announced by the trigger")
                    .contains(id);
        }
    }

    @Test
    void aLostListenerEmptiesTheCacheAndEveryReadAsksTheDatabaseUntilItIsBack() throws SQLException {
        String id = ProductData.create(api, ProductData.aProduct("Listened", "2.00", 3));
        name(id);

        JdbcClient.create(dataSource)
                .sql("select pg_terminate_backend(:pid)")
                .param("pid", listener.backendPid())
                .query(Boolean.class)
                .single();
        assertThat(within(Duration.ofSeconds(2), () -> !cache.isServing())).isTrue();

        renameUnheard(id, "Unheard 1");
        assertThat(name(id)).as("emptied").isEqualTo("Unheard 1");
        renameUnheard(id, "Unheard 2");
        assertThat(name(id)).as("nothing kept while not listening").isEqualTo("Unheard 2");

        assertThat(within(Duration.ofSeconds(10), cache::isServing))
                .as("listening again")
                .isTrue();
        assertThat(name(id)).isEqualTo("Unheard 2");
        renameUnheard(id, "Unheard 3");
        assertThat(name(id)).as("kept again").isEqualTo("Unheard 2");
    }

    @Test
    void offSwitchesTheCacheOff() {
        var properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("stockroom.catalog.cache.enabled", "off")))
                .bind("stockroom.catalog", CatalogProperties.class)
                .get();

        assertThat(properties.cache().enabled()).isFalse();
    }

    /** The payloads received within the time. */
    private static java.util.List<String> payloads(PGConnection connection, Duration within) throws SQLException {
        var received = new java.util.ArrayList<String>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var notifications = connection.getNotifications(50);
            if (notifications != null) {
                for (var notification : notifications) {
                    received.add(notification.getParameter());
                }
            }
        }
        return received;
    }

    /** A connection of its own to the service's database, under another application name than the service's. */
    private Connection connectionNamed(String applicationName) throws SQLException {
        var hikari = dataSource.unwrap(HikariDataSource.class);
        var properties = new Properties();
        properties.setProperty("user", hikari.getUsername());
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    private String name(String id) {
        return api.get("/v1/products/" + id).send().at("/name");
    }

    /** Renames the product with triggers off, so that no instance hears of it: what a cache hit would hide. */
    private void renameUnheard(String id, String name) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("update product set name = ? where id = ?")) {
            try (var role = connection.createStatement()) {
                role.execute("set session_replication_role = replica");
            }
            statement.setString(1, name);
            statement.setObject(2, UUID.fromString(id));
            statement.executeUpdate();
            try (var role = connection.createStatement()) {
                role.execute("set session_replication_role = default");
            }
        }
    }
}
