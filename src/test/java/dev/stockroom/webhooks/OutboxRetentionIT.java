package dev.stockroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class OutboxRetentionIT {

    @Autowired
    OutboxRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void finishedRowsOlderThanTheRetentionGoAndEverythingElseStays() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant old = now.minus(Duration.ofDays(40));
        UUID subscription = subscription(now);
        UUID oldSucceeded = delivery(subscription, "succeeded", old);
        UUID oldDead = delivery(subscription, "dead", old);
        UUID oldPending = delivery(subscription, "pending", old);
        UUID recentSucceeded = delivery(subscription, "succeeded", now);
        UUID oldPublished = event("published", old);
        UUID oldUnpublished = event("pending", old);
        UUID recentPublished = event("published", now);

        var deleted = retention.deleteFinishedBefore(now.minus(Duration.ofDays(30)));

        assertThat(deleted.deliveries()).isGreaterThanOrEqualTo(2);
        assertThat(deleted.events()).isGreaterThanOrEqualTo(1);
        assertThat(exists("webhook_delivery", oldSucceeded)).isFalse();
        assertThat(exists("webhook_delivery", oldDead)).isFalse();
        assertThat(exists("webhook_delivery", oldPending))
                .as("pending is never given up")
                .isTrue();
        assertThat(exists("webhook_delivery", recentSucceeded)).isTrue();
        assertThat(exists("event_outbox", oldPublished)).isFalse();
        assertThat(exists("event_outbox", oldUnpublished))
                .as("unpublished is never given up")
                .isTrue();
        assertThat(exists("event_outbox", recentPublished)).isTrue();
    }

    @Test
    void manyRowsGoInBatchesInOneRun() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant old = now.minus(Duration.ofDays(40));
        UUID subscription = subscription(now);
        int rows = OutboxRetention.BATCH * 2 + 7;
        jdbc.sql("""
                        insert into webhook_delivery (id, subscription_id, event_type, payload, status, attempts,
                            next_attempt_at, last_attempt_at, created_at)
                        select gen_random_uuid(), :subscription, 'order.placed', '{}', 'succeeded', 1, :at, :at, :at
                        from generate_series(1, :rows)
                        """)
                .param("subscription", subscription)
                .param("at", old.atOffset(ZoneOffset.UTC))
                .param("rows", rows)
                .update();

        retention.deleteFinishedBefore(now.minus(Duration.ofDays(30)));

        assertThat(jdbc.sql("select count(*) from webhook_delivery where subscription_id = :subscription")
                        .param("subscription", subscription)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID subscription(Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_subscription (id, url, event_types, enabled, owner, secret, version,
                            created_at, updated_at)
                        values (:id, 'https://partner.example/hooks', array['order.placed'], true, 'test', '\\x00', 1,
                            :now, :now)
                        """).param("id", id).param("now", now.atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    private UUID delivery(UUID subscription, String status, Instant at) {
        UUID id = UUID.randomUUID();
        @Nullable Instant attempted = status.equals("pending") ? null : at;
        jdbc.sql("""
                        insert into webhook_delivery (id, subscription_id, event_type, payload, status, attempts,
                            next_attempt_at, last_attempt_at, created_at)
                        values (:id, :subscription, 'order.placed', '{}', :status, 1, :at, cast(:attempted as timestamptz), :at)
                        """)
                .param("id", id)
                .param("subscription", subscription)
                .param("status", status)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("attempted", attempted == null ? null : attempted.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private UUID event(String status, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_outbox (id, routing_key, payload, status, attempts, next_attempt_at,
                            created_at, published_at)
                        values (:id, 'order.placed', '{}', :status, 1, :at, :at, cast(:published as timestamptz))
                        """)
                .param("id", id)
                .param("status", status)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("published", status.equals("published") ? at.atOffset(ZoneOffset.UTC) : null)
                .update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
