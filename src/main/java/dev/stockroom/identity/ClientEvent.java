package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to an API client (never carrying its secret). */
public sealed interface ClientEvent extends AuditableEvent permits ClientCreated, ClientUpdated, ClientDeleted {

    ApiClientId apiClientId();

    @Override
    default String resourceType() {
        return "client";
    }

    @Override
    default String resourceId() {
        return apiClientId().toString();
    }
}
