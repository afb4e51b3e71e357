package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;

/** Something that happened to a user (never carrying a password). */
public sealed interface UserEvent extends AuditableEvent permits UserCreated, UserUpdated, UserDeleted {

    UserId userId();

    @Override
    default String resourceType() {
        return "user";
    }

    @Override
    default String resourceId() {
        return userId().toString();
    }
}
