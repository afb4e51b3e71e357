package dev.stockroom.audit;

import dev.stockroom.shared.paging.Conditions;
import dev.stockroom.shared.paging.KeysetPages;
import dev.stockroom.shared.paging.Page;
import dev.stockroom.shared.paging.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in PostgreSQL; it only ever inserts and reads. */
@Repository
class AuditRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final SortKey<AuditEvent, Instant> BY_OCCURRENCE =
            SortKey.instant("occurred_at", AuditEvent::occurredAt, AuditEvent::id);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final KeysetPages pages;

    AuditRepository(JdbcClient jdbc, JsonMapper json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    void insert(AuditEvent event) {
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor, actor_type, action, resource_type, resource_id,
                                                 changes, request_id, client_ip)
                        values (:id, :occurredAt, :actor, :actorType, :action, :resourceType, :resourceId,
                                cast(:changes as jsonb), :requestId, :clientIp)
                        """)
                .param("id", event.id())
                .param("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                .param("actor", event.actor())
                .param("actorType", event.actorType())
                .param("action", event.action())
                .param("resourceType", event.resourceType())
                .param("resourceId", event.resourceId())
                .param("changes", json.writeValueAsString(event.changes()))
                .param("requestId", event.requestId())
                .param("clientIp", event.clientIp())
                .update();
    }

    /** One page of the audit log in the order things happened. */
    Page<AuditEvent> page(AuditSearch search) {
        var where = new Conditions()
                .addIfPresent("resource_type = :resourceType", "resourceType", search.resourceType())
                .addIfPresent("resource_id = :resourceId", "resourceId", search.resourceId())
                .addIfPresent("actor = :actor", "actor", search.actor())
                .addIfPresent("action = :action", "action", search.action())
                .addIfPresent("occurred_at >= :since", "since", search.since())
                .addIfPresent("occurred_at < :until", "until", search.until());
        return pages.read(
                search,
                "select id, occurred_at, actor, actor_type, action, resource_type, resource_id, changes::text,"
                        + " request_id, client_ip from audit_event",
                where,
                BY_OCCURRENCE,
                this::event);
    }

    private AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("actor_type"),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                json.readValue(rs.getString("changes"), MAP),
                rs.getString("request_id"),
                rs.getString("client_ip"));
    }
}
