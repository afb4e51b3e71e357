package dev.stockroom.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.stockroom.StockroomApplication;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service on the same database as the test's own, as behind a load balancer: whatever
 * the instances must agree on has to come through PostgreSQL.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param extra further arguments ({@code --name=value}), such as a test's own properties */
    public static SecondInstance sharing(DataSource dataSource, String... extra) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class); // the bean is a proxy that observes JDBC calls
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        var arguments = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=5"));
        arguments.addAll(java.util.List.of(extra));
        var context = new SpringApplicationBuilder(StockroomApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
        return new SecondInstance(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** One of the instance's beans, to read its metrics or state. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
