package dev.stockroom.identity.authorization;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A token of an authorization was revoked (RFC 7009). */
public record TokenRevoked(String authorizationId, String tokenType, String principal, String client)
        implements AuditableEvent {

    @Override
    public String action() {
        return "token.revoked";
    }

    @Override
    public String resourceType() {
        return "authorization";
    }

    @Override
    public String resourceId() {
        return authorizationId;
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "token_type", new Change(null, tokenType),
                "principal", new Change(null, principal),
                "client", new Change(null, client));
    }
}
