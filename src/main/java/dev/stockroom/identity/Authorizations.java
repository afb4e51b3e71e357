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

    /**
     * Ends everything a person holds: their grants (refresh tokens, unused codes) and their sign-in sessions, so
     * neither a refresh token nor a session cookie from before obtains a new token. Spring Session keeps the
     * principal's name (the user id) in an indexed column; deleting by it here, rather than through
     * {@code FindByIndexNameSessionRepository} (which loads every session and deletes each in a transaction of
     * its own), takes one statement and commits or rolls back with the change that caused it, on every instance.
     */
    int revokeForPrincipal(String principalName) {
        jdbc.sql("delete from spring_session where principal_name = :name")
                .param("name", principalName)
                .update();
        return jdbc.sql("delete from oauth2_authorization where principal_name = :name")
                .param("name", principalName)
                .update();
    }

    /** Ends every grant to the client; the authorization server keeps its id as the UUID string. */
    int revokeForClient(ApiClientId id) {
        return jdbc.sql("delete from oauth2_authorization where registered_client_id = :id")
                .param("id", id.value().toString())
                .update();
    }
}
