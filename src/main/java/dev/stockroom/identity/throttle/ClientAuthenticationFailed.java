package dev.stockroom.identity.throttle;

import dev.stockroom.shared.audit.AuditableEvent;
import dev.stockroom.shared.security.AuthenticationFailureReason;
import java.util.Map;

/** A token request failed client authentication; {@code account} is the client id it named (cut to 100). */
record ClientAuthenticationFailed(String account) implements AuditableEvent {

    ClientAuthenticationFailed {
        account = account.length() > 100 ? account.substring(0, 100) : account;
    }

    @Override
    public String action() {
        return "client.authentication_failed";
    }

    @Override
    public String resourceType() {
        return "account";
    }

    @Override
    public String resourceId() {
        return account;
    }

    @Override
    public Map<String, Change> changes() {
        return Map.of(
                "endpoint", new Change(null, "/oauth2/token"),
                "reason", new Change(null, AuthenticationFailureReason.INVALID_CLIENT.label()));
    }
}
