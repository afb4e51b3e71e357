package dev.stockroom.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from binaries on Maven Central when {@code spring.datasource.url} is not set, so
 * the service runs on a machine with nothing but a JDK. The data directory survives restarts unless the
 * cluster is ephemeral. The server stops when the application context closes, after the connection pool:
 * requests still in flight during a graceful shutdown keep their database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                // zonky gives up after 10 s; a first start on a busy 2-core machine (initdb, then the server) can
                // take longer, and giving up means no service at all.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // TCP only: a Unix socket would be a file in /tmp, left behind whenever the server is killed.
                .setServerConfig("unix_socket_directories", "");
        Path dataDir;
        if (properties.ephemeral()) {
            dataDir = Files.createTempDirectory("stockroom-pg-");
            builder.setDataDirectory(dataDir).setCleanDataDirectory(true);
        } else {
            dataDir = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            // zonky turns synchronous_commit off for speed; data that is kept must survive a crash once committed
            // (the webhook outbox among it), so commits wait for the WAL on disk as on any PostgreSQL server.
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on");
        }
        var postgres = builder.start();
        log.info(
                "Embedded PostgreSQL listening on port {}, data in {} ({})",
                postgres.getPort(),
                dataDir,
                properties.ephemeral() ? "removed when it stops" : "kept");
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
