package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A user was created (through the API or by the bootstrap). */
public record UserCreated(UserAccount user) implements UserEvent {

    @Override
    public String action() {
        return "user.created";
    }

    @Override
    public UserId userId() {
        return user.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.created(IdentityAudit.fieldsOf(user));
    }
}
