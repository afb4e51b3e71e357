package dev.stockroom.identity.authorization;

import java.util.Map;

/** A rotated refresh token was presented again: its whole authorization was revoked. */
public record RefreshTokenReused(String authorizationId, String principal, String client)
        implements AuthorizationEvent {

    @Override
    public String action() {
        return "authorization.revoked";
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "reason", new Change(null, "refresh_token_reused"),
                "principal", new Change(null, principal),
                "client", new Change(null, client));
    }
}
