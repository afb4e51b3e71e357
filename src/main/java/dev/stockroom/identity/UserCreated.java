package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A user was created (through the API or by the bootstrap). */
public record UserCreated(UserAccount user) implements AuditableEvent {

    @Override
    public String action() {
        return "user.created";
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
        return AuditableEvent.created(IdentityAudit.fieldsOf(user));
    }
}
