package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A user was deleted; their refresh tokens and sign-in sessions ended with it. */
public record UserDeleted(UserAccount user) implements AuditableEvent {

    @Override
    public String action() {
        return "user.deleted";
    }

    @Override
    public String resourceType() {
        return "user";
    }

    @Override
    public String resourceId() {
        return user.id().toString();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(IdentityAudit.fieldsOf(user));
    }
}
