package dev.stockroom.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox of events for the message broker ({@code event_outbox}). {@link #add} writes a row in the current
 * transaction, so an event whose change rolls back is never published and a committed one is published even if
 * the process dies first. {@link EventRelay} claims due rows with {@code FOR UPDATE SKIP LOCKED}, counting the
 * attempt and taking a lease in the same statement, as {@link DeliveryRepository#claimDue} does: two instances
 * never publish the same row at once, and a row whose instance died becomes due again when its lease passes.
 * Exists only when {@code stockroom.events.amqp-url} is set.
 */
class EventOutbox {

    /** A row to publish: its id is the message id, so consumers can drop a message they have already seen. */
    record Entry(UUID id, String routingKey, String payload, int attempts, Instant createdAt) {}

    private final JdbcClient jdbc;

    EventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the event, due at once, in the transaction of the change it reports. */
    void add(EventType type, String payload, Instant now) {
        jdbc.sql("insert into event_outbox (id, routing_key, payload, status, attempts, next_attempt_at, created_at)"
                        + " values (:id, :key, :payload, 'pending', 0, :now, :now)")
                .param("id", UUID.randomUUID())
                .param("key", type.wireValue())
                .param("payload", payload)
                .param("now", utc(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due rows, each counting one more attempt and leased until {@code leaseUntil};
     * answers them oldest first.
     */
    List<Entry> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc
                .sql("""
                        update event_outbox o
                        set attempts = o.attempts + 1, locked_until = :leaseUntil
                        where o.id in (
                            select due.id from event_outbox due
                            where due.status = 'pending' and due.next_attempt_at <= :now
                                and (due.locked_until is null or due.locked_until <= :now)
                            order by due.next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning o.id, o.routing_key, o.payload, o.attempts, o.created_at
                        """)
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .param("limit", limit)
                .query((rs, row) -> new Entry(
                        rs.getObject("id", UUID.class),
                        rs.getString("routing_key"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list()
                .stream()
                .sorted(Comparator.comparing(Entry::createdAt).thenComparing(Entry::id))
                .toList();
    }

    /** The broker confirmed these rows: they are done. */
    void published(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update event_outbox set status = 'published', published_at = :now, locked_until = null"
                        + " where id in (:ids) and status = 'pending'")
                .param("ids", ids)
                .param("now", utc(now))
                .update();
    }

    /** The attempt failed: the row stays pending, due again at {@code nextAttemptAt}. */
    void retryLater(UUID id, Instant nextAttemptAt, String error) {
        jdbc.sql("update event_outbox set next_attempt_at = :next, locked_until = null, last_error = :error"
                        + " where id = :id and status = 'pending'")
                .param("id", id)
                .param("next", utc(nextAttemptAt))
                .param("error", error)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
