package dev.stockroom.shared.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no external database is configured.
 *
 * @param dataDir where the cluster keeps its files; reused across restarts so nothing is lost
 * @param ephemeral when true the cluster lives in a fresh temporary directory that is deleted on stop (tests)
 * @param port the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("stockroom.embedded-db")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port) {}
