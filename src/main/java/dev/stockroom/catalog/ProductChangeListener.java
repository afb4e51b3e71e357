package dev.stockroom.catalog;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Listens on the channel {@code product_changed} and evicts the products it names from this instance's {@link
 * ProductCache}; and announces there what this instance changed (the cache queues it after each commit), every
 * {@value #WAIT_MILLIS} ms at most, many products per notification, in a statement of its own. A NOTIFY in the
 * writing transaction would make its commit take a database-wide lock until its WAL is flushed, serialising every
 * order; here one short statement takes it for many. Writers other than the service notify through a trigger.
 * The connection is its own, outside the pool, because it stays open for good; while it is down, announcements go
 * through the pool.
 *
 * <p>While it is connected the cache serves reads; when the connection fails (the server restarts, the backend
 * is terminated, a heartbeat query gets no answer) the cache is emptied and bypassed at once, and the listener
 * reconnects every {@code reconnectDelay} until it succeeds; then the cache starts again from empty, since
 * changes made meanwhile went unheard.
 */
@Component
class ProductChangeListener implements SmartLifecycle {

    static final String CHANNEL = "product_changed";
    static final String APPLICATION_NAME = "stockroom-product-cache";

    private static final Logger log = LoggerFactory.getLogger(ProductChangeListener.class);
    static final int WAIT_MILLIS = 10;
    /** Ids per notification: 36 characters and a comma each, under PostgreSQL's 8000-byte payload. */
    private static final int IDS_PER_NOTIFICATION = 200;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ProductCache cache;
    private final DataSource dataSource;
    private final JdbcClient pool;
    private final CatalogProperties.Cache settings;
    private volatile boolean running;
    private @Nullable Thread thread;
    private volatile int backendPid;

    ProductChangeListener(ProductCache cache, DataSource dataSource, CatalogProperties properties) {
        this.cache = cache;
        this.dataSource = dataSource;
        this.pool = JdbcClient.create(dataSource);
        this.settings = properties.cache();
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("product-cache-listener").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        var listening = thread;
        if (listening != null) {
            try {
                listening.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        cache.suspend();
    }

    /**
     * Started before the web server and stopped after it, so that the changes of requests that finish during a
     * graceful shutdown are still announced.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The server process of the listener's connection (0 before the first), for an operator or a test. */
    int backendPid() {
        return backendPid;
    }

    private void run() {
        boolean lost = false;
        while (running) {
            try (var open = connect()) {
                try (var statement = open.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    try (var pid = statement.executeQuery("select pg_backend_pid()")) {
                        backendPid = pid.next() ? pid.getInt(1) : 0;
                    }
                }
                cache.resume();
                log.info(lost ? "Product cache listening for changes again" : "Product cache listening for changes");
                lost = false;
                listen(open);
            } catch (SQLException | RuntimeException e) {
                cache.suspend();
                if (running && !lost) {
                    log.warn(
                            "Product cache lost its change listener, reading every product from the database until it"
                                    + " reconnects: {}",
                            e.toString());
                }
                lost = true;
                pause();
            }
        }
        announceThroughPool(); // whatever the last requests changed, should the connection be down at the end
    }

    /** Evicts what the notifications name until the connection fails or the listener stops. */
    private void listen(Connection open) throws SQLException {
        var notifications = open.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                evict(received);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > settings.heartbeat().toNanos()) {
                try (var statement = open.createStatement()) {
                    statement.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
            announce(open);
        }
        announce(open);
    }

    /** Sends every queued announcement on the connection; what fails is queued again and the failure thrown. */
    private void announce(Connection open) throws SQLException {
        List<ProductId> ids;
        while (!(ids = cache.takeUnannounced(IDS_PER_NOTIFICATION)).isEmpty()) {
            try (var statement = open.prepareStatement("select pg_notify(?, ?)")) {
                statement.setString(1, CHANNEL);
                statement.setString(2, payload(ids));
                statement.execute();
            } catch (SQLException | RuntimeException e) {
                cache.stillUnannounced(ids);
                throw e;
            }
        }
    }

    /** Sends the queued announcements through the pool, while the listener's own connection is down. */
    private void announceThroughPool() {
        List<ProductId> ids;
        while (!(ids = cache.takeUnannounced(IDS_PER_NOTIFICATION)).isEmpty()) {
            try {
                pool.sql("select pg_notify(:channel, :payload)")
                        .param("channel", CHANNEL)
                        .param("payload", payload(ids))
                        .query((rs, row) -> row)
                        .list();
            } catch (RuntimeException e) {
                cache.stillUnannounced(ids);
                return;
            }
        }
    }

    private static String payload(List<ProductId> ids) {
        var joined = new StringJoiner(",");
        ids.forEach(id -> joined.add(id.toString()));
        return joined.toString();
    }

    private void evict(PGNotification[] received) {
        List<ProductId> ids = new ArrayList<>(received.length);
        for (var notification : received) {
            try {
                for (String id : notification.getParameter().split(",")) {
                    ids.add(new ProductId(UUID.fromString(id)));
                }
            } catch (IllegalArgumentException e) {
                // Not ours (somebody sent NOTIFY by hand): whatever changed, forget everything.
                cache.evictAll();
                return;
            }
        }
        cache.evict(ids);
    }

    /**
     * A connection of its own with the pool's settings, so that it neither holds one of the pool's connections for
     * good nor is retired by the pool; a socket timeout bounds a heartbeat on a dead network.
     */
    private Connection connect() throws SQLException {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException notHikari) {
            return dataSource.getConnection();
        }
        var properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        var open = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        open.setAutoCommit(true);
        return open;
    }

    /** Waits before reconnecting, announcing through the pool meanwhile. */
    private void pause() {
        long until = System.nanoTime() + settings.reconnectDelay().toNanos();
        while (running && System.nanoTime() - until < 0) {
            announceThroughPool();
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
