package dev.stockroom.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded change or security event. */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        String actor,
        String actorType,
        String action,
        String resourceType,
        String resourceId,
        Map<String, Object> changes,
        @Nullable String requestId,
        @Nullable String clientIp) {}
