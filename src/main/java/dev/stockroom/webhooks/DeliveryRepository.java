package dev.stockroom.webhooks;

import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries. Rows are written in the transaction of the event; instances claim due rows
 * with {@code FOR UPDATE SKIP LOCKED}, counting the attempt and taking a lease in the same statement, so two
 * instances never make the same attempt and a row whose instance died becomes due again when its lease passes.
 */
@Repository
class DeliveryRepository {

    private static final String COLUMNS = "id, subscription_id, event_type, payload, status, attempts,"
            + " next_attempt_at, last_attempt_at, last_status_code, last_error, created_at, traceparent";

    private static final SortKey<Delivery, Instant> NEWEST_FIRST =
            SortKey.instant("created_at", Delivery::createdAt, Delivery::id).reversed();

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final DeliveryTracing tracing;

    DeliveryRepository(JdbcClient jdbc, KeysetPages pages, DeliveryTracing tracing) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.tracing = tracing;
    }

    /** Writes a pending delivery, with the trace context of the current span (so of the request that caused it). */
    void insert(UUID id, UUID subscriptionId, EventType type, String payload, Instant now) {
        insert(id, subscriptionId, type, payload, now, now);
    }

    /** A delivery due at {@code dueAt}: the test event, which its request sends itself, is not due to pollers. */
    void insert(UUID id, UUID subscriptionId, EventType type, String payload, Instant now, Instant dueAt) {
        jdbc.sql("insert into webhook_delivery (id, subscription_id, event_type, payload, status, attempts,"
                        + " next_attempt_at, created_at, traceparent) values (:id, :subscription, :type, :payload,"
                        + " 'pending', 0, :due, :now, :traceparent)")
                .param("id", id)
                .param("subscription", subscriptionId)
                .param("type", type.wireValue())
                .param("payload", payload)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("due", dueAt.atOffset(ZoneOffset.UTC))
                .param("traceparent", tracing.currentTraceparent())
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled subscriptions whose breaker is closed: each claimed
     * row counts one more attempt and is leased until {@code leaseUntil}.
     */
    List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update webhook_delivery d
                        set attempts = d.attempts + 1, last_attempt_at = :now, locked_until = :leaseUntil
                        where d.id in (
                            select due.id from webhook_delivery due
                            join webhook_subscription s on s.id = due.subscription_id
                            where due.status = 'pending' and due.next_attempt_at <= :now
                                and (due.locked_until is null or due.locked_until <= :now)
                                and s.enabled and (s.breaker_open_until is null or s.breaker_open_until <= :now)
                            order by due.next_attempt_at
                            limit :limit
                            for update of due skip locked)
                        returning\s""" + COLUMNS)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("leaseUntil", leaseUntil.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query(DeliveryRepository::delivery)
                .list();
    }

    /**
     * The outbox's backlog, in one statement over the pending rows: how many deliveries of enabled subscriptions
     * are pending, and since when the oldest of them that a worker could send now (due, not leased, its
     * subscription's breaker closed) has been due; null when there is none.
     */
    Backlog backlog(Instant now) {
        return jdbc.sql("""
                        select count(*) as pending,
                            min(d.next_attempt_at) filter (where d.next_attempt_at <= :now
                                and (d.locked_until is null or d.locked_until <= :now)
                                and (s.breaker_open_until is null or s.breaker_open_until <= :now)) as oldest_due
                        from webhook_delivery d
                        join webhook_subscription s on s.id = d.subscription_id
                        where d.status = 'pending' and s.enabled
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject("oldest_due", OffsetDateTime.class);
                    return new Backlog(rs.getLong("pending"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /** Pending deliveries, and since when the oldest sendable one has been due (null: none is due). */
    record Backlog(long pending, @Nullable Instant oldestDue) {}

    /** Claims one delivery now, whatever its schedule (the test event is sent on the request). */
    Optional<Delivery> claim(UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql("update webhook_delivery set attempts = attempts + 1, last_attempt_at = :now,"
                        + " locked_until = :leaseUntil where id = :id and status = 'pending' returning " + COLUMNS)
                .param("id", id)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("leaseUntil", leaseUntil.atOffset(ZoneOffset.UTC))
                .query(DeliveryRepository::delivery)
                .optional();
    }

    /** Gives a claimed attempt back unmade (its subscription is probing with another delivery). */
    void release(UUID id) {
        jdbc.sql("update webhook_delivery set attempts = attempts - 1, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    /** What the attempt came to: the new status, when it is due again, and the answer or the error. */
    void recordAttempt(
            UUID id,
            Delivery.Status status,
            Instant nextAttemptAt,
            @Nullable Integer statusCode,
            @Nullable String error) {
        jdbc.sql("""
                        update webhook_delivery set status = :status, next_attempt_at = :next, locked_until = null,
                            last_status_code = :code, last_error = :error
                        where id = :id
                        """)
                .param("id", id)
                .param("status", status.wireValue())
                .param("next", nextAttemptAt.atOffset(ZoneOffset.UTC))
                .param("code", statusCode)
                .param("error", error)
                .update();
    }

    /** A dead or failed delivery is due again at once, with a fresh set of attempts. */
    Optional<Delivery> requeue(UUID id, Instant now) {
        return jdbc.sql("update webhook_delivery set status = 'pending', attempts = 0, next_attempt_at = :now,"
                        + " locked_until = null where id = :id and status in ('dead', 'failed') returning " + COLUMNS)
                .param("id", id)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(DeliveryRepository::delivery)
                .optional();
    }

    Optional<Delivery> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_delivery where id = :id")
                .param("id", id)
                .query(DeliveryRepository::delivery)
                .optional();
    }

    Page<Delivery> page(DeliverySearch search) {
        var where = new Conditions().add("subscription_id = :subscription", "subscription", search.subscriptionId());
        return pages.read(
                search,
                "select " + COLUMNS + " from webhook_delivery",
                where,
                NEWEST_FIRST,
                DeliveryRepository::delivery);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        OffsetDateTime last = rs.getObject("last_attempt_at", OffsetDateTime.class);
        int code = rs.getInt("last_status_code");
        @Nullable Integer lastCode = rs.wasNull() ? null : code;
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                dev.stockroom.shared.WireValue.parse(EventType.class, rs.getString("event_type"))
                        .orElseThrow(),
                rs.getString("payload"),
                dev.stockroom.shared.WireValue.parse(Delivery.Status.class, rs.getString("status"))
                        .orElseThrow(),
                rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                last == null ? null : last.toInstant(),
                lastCode,
                rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("traceparent"));
    }
}
