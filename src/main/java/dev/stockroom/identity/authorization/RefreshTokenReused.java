package dev.stockroom.identity.authorization;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A rotated refresh token was presented again: its whole authorization was revoked. */
public record RefreshTokenReused(String authorizationId, String principal, String client) implements AuditableEvent {

    @Override
    public String action() {
        return "authorization.revoked";
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
                "reason", new Change(null, "refresh token reuse"),
                "principal", new Change(null, principal),
                "client", new Change(null, client));
    }
}
