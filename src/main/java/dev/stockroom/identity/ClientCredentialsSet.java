package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** The bootstrap client's secret and scopes were set again from the environment. */
public record ClientCredentialsSet(String clientId) implements AuditableEvent {

    @Override
    public String action() {
        return "client.credentials_set";
    }

    @Override
    public String resourceType() {
        return "client";
    }

    @Override
    public String resourceId() {
        return clientId;
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of("secret", new Change(null, "set from the environment"));
    }
}
