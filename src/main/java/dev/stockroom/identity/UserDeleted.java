package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A user was deleted; their refresh tokens and sign-in sessions ended with it. */
public record UserDeleted(UserAccount user) implements UserEvent {

    @Override
    public String action() {
        return "user.deleted";
    }

    @Override
    public UserId userId() {
        return user.id();
    }

    @Override
    public Map<String, Change> changes() {
        return AuditableEvent.deleted(IdentityAudit.fieldsOf(user));
    }
}
