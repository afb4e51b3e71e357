package dev.stockroom.audit.web;

import dev.stockroom.audit.AuditLog;
import dev.stockroom.audit.AuditSearch;
import dev.stockroom.shared.security.Caller;
import dev.stockroom.shared.security.RequiresScope;
import dev.stockroom.shared.security.Scopes;
import dev.stockroom.shared.web.PageCursor;
import dev.stockroom.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/audit-events}: read-only; no operation changes or deletes the log. */
@RestController
@RequestMapping(path = "/v1/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit log", description = "Who changed what, when, from where. Append-only.")
class AuditEventController {

    private final AuditLog log;

    AuditEventController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @RequiresScope(Scopes.AUDIT_READ)
    @Operation(
            operationId = "searchAuditEvents",
            summary = "Search the audit log",
            description = "Oldest first, cursor-paginated. The audit log is for staff: a partner client bound to a"
                    + " customer cannot read it, whatever its scopes (403 `bound-client`).")
    @ApiResponse(responseCode = "200", description = "One page of events.")
    @ApiResponse(
            responseCode = "403",
            description = "The token lacks `audit:read`, or belongs to a partner client bound to a customer"
                    + " (`bound-client`).")
    ResponseEntity<PageResponse<AuditEventResponse>> search(
            @RequestParam(name = "resource_type", required = false)
                    @Size(max = 32) @Parameter(description = "Only events of this kind of resource.", example = "product")
                    @Nullable String resourceType,
            @RequestParam(name = "resource_id", required = false)
                    @Size(max = 100) @Parameter(description = "Only events of this resource.")
                    @Nullable String resourceId,
            @RequestParam(required = false)
                    @Size(max = 300) @Parameter(description = "Only events of this actor (user or client id).")
                    @Nullable String actor,
            @RequestParam(required = false)
                    @Size(max = 64) @Parameter(description = "Only this action.", example = "order.cancelled")
                    @Nullable String action,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Parameter(
                            description = "Only events at or after this instant (RFC 3339).",
                            example = "2026-01-01T00:00:00Z")
                    @Nullable OffsetDateTime since,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Parameter(
                            description = "Only events before this instant (RFC 3339).",
                            example = "2026-12-31T00:00:00Z")
                    @Nullable OffsetDateTime until,
            @RequestParam(defaultValue = "50")
                    @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200.", example = "50")
                    int limit,
            @RequestParam(required = false) @PageCursor @Nullable String cursor) {
        var search = new AuditSearch(
                resourceType,
                resourceId,
                actor,
                action,
                since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(),
                limit,
                cursor);
        return PageResponse.ok(log.search(search, Caller.current()), AuditEventResponse::from);
    }
}
