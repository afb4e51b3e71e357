package dev.stockroom.identity.authorization;

import java.util.Map;

/** A token of an authorization was revoked (RFC 7009). */
public record TokenRevoked(String authorizationId, String tokenType, String principal, String client)
        implements AuthorizationEvent {

    @Override
    public String action() {
        return "token.revoked";
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "token_type", new Change(null, tokenType),
                "principal", new Change(null, principal),
                "client", new Change(null, client));
    }
}
