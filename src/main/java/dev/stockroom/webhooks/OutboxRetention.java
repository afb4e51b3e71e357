package dev.stockroom.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what both outboxes have finished with once it is older than {@code stockroom.webhooks.retention}:
 * deliveries that succeeded or are dead (a dead one can be retried until then), and events the broker has
 * confirmed. Pending rows are never touched, however old. Every instance runs it; the rows go in batches, so no
 * statement holds many locks or runs long, and two instances at once only share the work.
 */
@Component
class OutboxRetention {

    static final int BATCH = 1000;
    /** At most this many batches a run (a million rows); the next run takes the rest. */
    static final int MAX_BATCHES = 1000;

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhookProperties properties;

    OutboxRetention(JdbcClient jdbc, Clock clock, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void deleteExpired() {
        deleteFinishedBefore(clock.instant().minus(properties.retention()));
    }

    /** Deletes the finished rows older than the cutoff; answers how many of each. */
    Deleted deleteFinishedBefore(Instant cutoff) {
        var deleted = new Deleted(inBatches("""
                        delete from webhook_delivery where id in (
                            select id from webhook_delivery
                            where status in ('succeeded', 'dead') and coalesce(last_attempt_at, created_at) < :cutoff
                            limit :batch)
                        """, cutoff), inBatches("""
                        delete from event_outbox where id in (
                            select id from event_outbox
                            where status = 'published' and published_at < :cutoff
                            limit :batch)
                        """, cutoff));
        if (deleted.deliveries() > 0 || deleted.events() > 0) {
            log.info(
                    "Deleted {} finished webhook deliveries and {} published events older than {}",
                    deleted.deliveries(),
                    deleted.events(),
                    cutoff);
        }
        return deleted;
    }

    record Deleted(long deliveries, long events) {}

    private long inBatches(String delete, Instant cutoff) {
        long total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int deleted = jdbc.sql(delete)
                    .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                    .param("batch", BATCH)
                    .update();
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
