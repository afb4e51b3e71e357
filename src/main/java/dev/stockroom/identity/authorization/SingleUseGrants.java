package dev.stockroom.identity.authorization;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeems a refresh token or an authorization code at most once, however many requests present it at the same
 * time and on however many instances. The grant runs in one database transaction that first locks the
 * authorization row holding the presented value ({@code select .. for update}); a second request with the same
 * value waits for the first to commit and then finds the value rotated away (a refresh token: reuse, which
 * revokes the family) or spent (a code: Spring Authorization Server refuses it and invalidates the tokens it
 * gave). So exactly one request gets tokens. The lock is PostgreSQL's, never the JVM's.
 *
 * <p>A refusal ({@link OAuth2AuthenticationException}) commits: what the grant decided on the way (a family
 * revoked, a spent code's tokens invalidated) must stay decided. Any other failure rolls back.
 */
class SingleUseGrants implements AuthenticationProvider {

    /** How long a request waits for another holding the same grant; the other takes milliseconds. */
    private static final String LOCK_TIMEOUT = "5s";

    private final AuthenticationProvider delegate;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    SingleUseGrants(AuthenticationProvider delegate, TransactionTemplate transactions, JdbcClient jdbc) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                lock(authentication);
                try {
                    return new Outcome(delegate.authenticate(authentication), null);
                } catch (OAuth2AuthenticationException refused) {
                    return new Outcome(null, refused);
                }
            });
        } catch (PessimisticLockingFailureException contended) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The grant is in use by another request.", null));
        }
        if (outcome == null) {
            return null;
        }
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.result();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private void lock(Authentication authentication) {
        String column;
        String value;
        if (authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh) {
            column = "refresh_token_value";
            value = refresh.getRefreshToken();
        } else if (authentication instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
            column = "authorization_code_value";
            value = code.getCode();
        } else {
            return;
        }
        jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
        jdbc.sql("select id from oauth2_authorization where " + column + " = :value for update")
                .param("value", value)
                .query(String.class)
                .list();
    }

    private record Outcome(
            @Nullable Authentication result, @Nullable OAuth2AuthenticationException refused) {}
}
