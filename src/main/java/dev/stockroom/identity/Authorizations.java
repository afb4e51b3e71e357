package dev.stockroom.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Revokes what the authorization server has granted: deleting an authorization invalidates its refresh token
 * (and authorization code) at once, on every instance, since they all read the same table. Access tokens are
 * self-contained JWTs and run out within their short lifetime.
 */
@Component
class Authorizations {

    private final JdbcClient jdbc;

    Authorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int revokeForPrincipal(String principalName) {
        return jdbc.sql("delete from oauth2_authorization where principal_name = :name")
                .param("name", principalName)
                .update();
    }

    int revokeForClient(String registeredClientId) {
        return jdbc.sql("delete from oauth2_authorization where registered_client_id = :id")
                .param("id", registeredClientId)
                .update();
    }
}
