package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user changed (email, role, enabled), or their password did, which the log records as changed without any
 * trace of the value.
 */
public record UserUpdated(UserAccount before, UserAccount after, boolean passwordChanged) implements UserEvent {

    @Override
    public String action() {
        return "user.updated";
    }

    @Override
    public UserId userId() {
        return after.id();
    }

    @Override
    public Map<String, Change> changes() {
        var changes = new LinkedHashMap<>(
                AuditableEvent.between(IdentityAudit.fieldsOf(before), IdentityAudit.fieldsOf(after)));
        if (passwordChanged) {
            changes.put("password", new Change(null, "changed"));
        }
        return changes;
    }
}
