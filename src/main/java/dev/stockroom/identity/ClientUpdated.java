package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** An API client's name or own rate limit changed ({@code PATCH /v1/clients/{id}}). */
public record ClientUpdated(ApiClient before, ApiClient after) implements ClientEvent {

    @Override
    public String action() {
        return "client.updated";
    }

    @Override
    public ApiClientId apiClientId() {
        return after.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.between(IdentityAudit.fieldsOf(before), IdentityAudit.fieldsOf(after));
    }
}
