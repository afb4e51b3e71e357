package dev.stockroom.identity;

import dev.stockroom.shared.audit.AuditableEvent;
import java.util.Map;

/** A new signing key signs from now on; the previous one is retired. */
public record SigningKeyRotated(String kid) implements AuditableEvent {

    @Override
    public String action() {
        return "signing_key.rotated";
    }

    @Override
    public String resourceType() {
        return "signing_key";
    }

    @Override
    public String resourceId() {
        return kid;
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of("active", new Change(false, true));
    }
}
