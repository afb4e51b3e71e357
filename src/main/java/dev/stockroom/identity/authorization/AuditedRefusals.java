package dev.stockroom.identity.authorization;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A token endpoint provider whose refusals are audited ({@link TokenRefused}): a client that proved who it is but
 * asked for a scope it does not hold, or presented a spent grant, is refused with the OAuth 2.0 error code as the
 * reason. Not a failed sign-in, and not throttled as one: failed client authentication never gets this far (it
 * answers 401 {@code invalid_client} earlier and is recorded as {@code client.authentication_failed}).
 */
final class AuditedRefusals implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final ApplicationEventPublisher events;

    AuditedRefusals(AuthenticationProvider delegate, ApplicationEventPublisher events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication request) {
        try {
            return delegate.authenticate(request);
        } catch (OAuth2AuthenticationException refused) {
            if (request instanceof OAuth2AuthorizationGrantAuthenticationToken grant) {
                events.publishEvent(new TokenRefused(
                        grant.getPrincipal() instanceof Authentication client ? client.getName() : "unknown",
                        refused.getError().getErrorCode()));
            }
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
