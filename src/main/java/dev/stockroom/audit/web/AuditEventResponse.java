package dev.stockroom.audit.web;

import dev.stockroom.audit.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the audit log. */
@Schema(name = "AuditEvent", description = "A recorded state change or security event.")
record AuditEventResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Identifier.",
                example = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
        UUID id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When it happened (RFC 3339, UTC).",
                example = "2026-02-01T10:00:00Z")
        Instant occurredAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Who: a user id, a client id, `anonymous` or `system`.",
                example = "stockroom-admin")
        String actor,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "user, client, anonymous or system.",
                example = "client")
        String actorType,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What happened, as `resource.verb`.",
                example = "product.updated")
        String action,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Kind of resource.", example = "product")
        String resourceType,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Which resource.",
                example = "0b9f3c1e-5d6a-4f7e-9a51-2f0c7d5e8b11")
        String resourceId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Changed fields, each `{\"before\": ..., \"after\": ...}`; never a secret.",
                example = "{\"price\": {\"before\": 19.99, \"after\": 17.5}}")
        Map<String, Object> changes,

        @Schema(description = "The request that made the change.", example = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
        @Nullable String requestId,

        @Schema(description = "The client address of that request.", example = "203.0.113.7") @Nullable String clientIp) {

    static AuditEventResponse from(AuditEvent event) {
        return new AuditEventResponse(
                event.id(),
                event.occurredAt(),
                event.actor(),
                event.actorType(),
                event.action(),
                event.resourceType(),
                event.resourceId(),
                event.changes(),
                event.requestId(),
                event.clientIp());
    }
}
