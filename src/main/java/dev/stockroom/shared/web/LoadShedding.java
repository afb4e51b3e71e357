package dev.stockroom.shared.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of queueing it: when more requests are in progress on this instance than {@code
 * max-concurrent-requests}, or more are waiting for a database connection than {@code max-database-waiters}, a
 * new request is answered at once with 503 problem details and {@code Retry-After}, before authentication or
 * anything else is spent on it, rather than waiting out its timeouts and making every other request slower. A
 * load balancer or client retries elsewhere or later. Health probes ({@code /livez}, {@code /readyz}, {@code
 * /actuator/**}) are neither counted nor refused, and the metrics are on the management port. Refusals are
 * counted as {@code stockroom.requests.shed} by reason ({@code concurrency}, {@code database}); they also show in
 * {@code http.server.requests} with status 503, since this filter runs inside the server observation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class LoadShedding extends OncePerRequestFilter {

    private final Semaphore slots;
    private final int maxDatabaseWaiters;
    private final String retryAfter;
    private final @Nullable HikariDataSource pool;
    private final Problems problems;
    private final Counter shedForConcurrency;
    private final Counter shedForDatabase;

    LoadShedding(SheddingProperties properties, DataSource dataSource, Problems problems, MeterRegistry meters) {
        this.slots = new Semaphore(properties.maxConcurrentRequests());
        this.maxDatabaseWaiters = properties.maxDatabaseWaiters();
        this.retryAfter = Integer.toString(properties.retryAfterSeconds());
        this.pool = hikari(dataSource);
        this.problems = problems;
        this.shedForConcurrency = shed(meters, "concurrency");
        this.shedForDatabase = shed(meters, "database");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (databaseWaiters() > maxDatabaseWaiters) {
            shedForDatabase.increment();
            refuse(request, response, "Too many requests are waiting for the database; try again shortly.");
            return;
        }
        if (!slots.tryAcquire()) {
            shedForConcurrency.increment();
            refuse(request, response, "The service is at capacity; try again shortly.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    /** Requests that may still start before the next is refused (for tests). */
    int availableSlots() {
        return slots.availablePermits();
    }

    private int databaseWaiters() {
        HikariPoolMXBean bean = pool == null ? null : pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getThreadsAwaitingConnection();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        problems.write(problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE, detail), request, response);
    }

    private static @Nullable HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static Counter shed(MeterRegistry meters, String reason) {
        return Counter.builder("stockroom.requests.shed")
                .description("Requests answered 503 at once because the instance was saturated")
                .tag("reason", reason)
                .register(meters);
    }
}
