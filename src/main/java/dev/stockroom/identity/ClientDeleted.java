package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** An API client was removed; its refresh tokens were revoked with it. */
public record ClientDeleted(ApiClient client) implements ClientEvent {

    @Override
    public String action() {
        return "client.deleted";
    }

    @Override
    public ApiClientId apiClientId() {
        return client.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(IdentityAudit.fieldsOf(client));
    }
}
