package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** An API client was registered (through the API or by the bootstrap). */
public record ClientCreated(ApiClient client) implements ClientEvent {

    @Override
    public String action() {
        return "client.created";
    }

    @Override
    public ApiClientId apiClientId() {
        return client.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.created(IdentityAudit.fieldsOf(client));
    }
}
