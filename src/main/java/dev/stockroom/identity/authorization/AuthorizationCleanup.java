package dev.stockroom.identity.authorization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what can no longer be used: authorizations whose every token has expired, remembered rotated
 * refresh tokens past their expiry, and stale throttling windows. Idempotent, so every instance may run it.
 */
@Component
class AuthorizationCleanup {

    private final JdbcClient jdbc;

    AuthorizationCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${stockroom.identity.oauth.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void deleteExpired() {
        jdbc.sql("""
                        delete from oauth2_authorization
                        where greatest(authorization_code_expires_at, access_token_expires_at,
                                       refresh_token_expires_at, oidc_id_token_expires_at) < now()
                        """).update();
        jdbc.sql("delete from rotated_refresh_token where expires_at < now()").update();
        jdbc.sql("delete from auth_throttle where coalesce(blocked_until, window_start) < now() - interval '1 day'")
                .update();
    }
}
