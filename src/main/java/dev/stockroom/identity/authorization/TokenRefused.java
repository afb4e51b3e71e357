package dev.stockroom.identity.authorization;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/**
 * A client that authenticated asked the token endpoint for something it may not have, such as a scope it does
 * not hold; {@code reason} is the OAuth 2.0 error code answered ({@code invalid_scope}, {@code invalid_grant},
 * {@code unauthorized_client}, ...). Not a failed sign-in: the client proved who it is.
 */
record TokenRefused(String client, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "token.refused";
    }

    @Override
    public String resourceType() {
        return "client";
    }

    @Override
    public String resourceId() {
        return client;
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of("reason", new Change(null, reason));
    }
}
