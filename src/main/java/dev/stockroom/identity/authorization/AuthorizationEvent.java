package dev.stockroom.identity.authorization;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to an authorization (a grant of the authorization server and its tokens). */
public sealed interface AuthorizationEvent extends AuditableEvent permits TokenRevoked, RefreshTokenReused {

    String authorizationId();

    @Override
    default String resourceType() {
        return "authorization";
    }

    @Override
    default String resourceId() {
        return authorizationId();
    }
}
