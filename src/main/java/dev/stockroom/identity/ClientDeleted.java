package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** An API client was removed; its refresh tokens were revoked with it. */
public record ClientDeleted(ApiClient client) implements AuditableEvent {

    @Override
    public String action() {
        return "client.deleted";
    }

    @Override
    public String resourceType() {
        return "client";
    }

    @Override
    public String resourceId() {
        return client.id().toString();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(IdentityAudit.fieldsOf(client));
    }
}
