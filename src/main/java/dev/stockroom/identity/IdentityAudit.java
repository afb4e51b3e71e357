package dev.stockroom.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit log may know of users and clients: never a password, a hash or a secret. */
final class IdentityAudit {

    private IdentityAudit() {}

    static Map<String, Object> fieldsOf(UserAccount user) {
        return Map.of("email", user.email(), "role", user.role().wireValue(), "enabled", user.enabled());
    }

    static Map<String, Object> fieldsOf(ApiClient client) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("client_id", client.clientId());
        fields.put("name", client.name());
        fields.put("scopes", client.scopes().stream().sorted().toList());
        fields.put("redirect_uris", client.redirectUris());
        fields.put(
                "customer_id",
                client.customerId() == null ? null : client.customerId().toString());
        if (client.rateLimit() != null) {
            fields.put("rate_limit", client.rateLimit().text());
        }
        return fields;
    }
}
