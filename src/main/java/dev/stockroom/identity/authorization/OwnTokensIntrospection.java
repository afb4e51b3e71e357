package dev.stockroom.identity.authorization;

import dev.stockroom.shared.security.Scopes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Token introspection (RFC 7662) tells a client only about tokens issued to it, unless it is registered with
 * {@link Scopes#TOKENS_INTROSPECT}. Anyone else's token is answered {@code {"active": false}}, exactly as an
 * unknown one (RFC 7662, section 2.2), so a client holding a leaked token cannot learn whose it is, what it may
 * do or how long it lives.
 */
class OwnTokensIntrospection implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    OwnTokensIntrospection(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var result = delegate.authenticate(authentication);
        if (result instanceof OAuth2TokenIntrospectionAuthenticationToken introspection
                && introspection.getTokenClaims().isActive()
                && introspection.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
                && !mayIntrospect(caller, introspection.getTokenClaims())) {
            return new OAuth2TokenIntrospectionAuthenticationToken(
                    introspection.getToken(),
                    caller,
                    OAuth2TokenIntrospection.builder().build());
        }
        return result;
    }

    private static boolean mayIntrospect(OAuth2ClientAuthenticationToken caller, OAuth2TokenIntrospection token) {
        var client = caller.getRegisteredClient();
        if (client == null) {
            return false;
        }
        return client.getClientId().equals(token.getClientId())
                || client.getScopes().contains(Scopes.TOKENS_INTROSPECT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
