package dev.stockroom.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in PostgreSQL; it only ever inserts and reads. */
@Repository
class AuditRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    List<AuditEvent> page(AuditSearch search, @Nullable List<String> after) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        filter(where, params, "resource_type", search.resourceType());
        filter(where, params, "resource_id", search.resourceId());
        filter(where, params, "actor", search.actor());
        filter(where, params, "action", search.action());
        if (search.since() != null) {
            where.add("occurred_at >= :since");
            params.put("since", search.since().atOffset(ZoneOffset.UTC));
        }
        if (search.until() != null) {
            where.add("occurred_at < :until");
            params.put("until", search.until().atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            where.add("(occurred_at, id) > (:afterAt, :afterId)");
            params.put("afterAt", Instant.parse(after.get(0)).atOffset(ZoneOffset.UTC));
            params.put("afterId", UUID.fromString(after.get(1)));
        }
        params.put("limit", search.limit() + 1);
        return jdbc.sql("select id, occurred_at, actor, actor_type, action, resource_type, resource_id, changes::text,"
                        + " request_id, client_ip from audit_event"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by occurred_at, id limit :limit")
                .params(params)
                .query(this::event)
                .list();
    }

    private static void filter(List<String> where, Map<String, Object> params, String column, @Nullable String value) {
        if (value != null) {
            where.add(column + " = :" + column);
            params.put(column, value);
        }
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
