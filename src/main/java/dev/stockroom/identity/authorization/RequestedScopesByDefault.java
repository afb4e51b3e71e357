package dev.stockroom.identity.authorization;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * An authorization request without {@code scope} asks for every scope its client is registered with, as a client
 * credentials request does ({@link ClientScopesByDefault}): the person then gets those their role allows
 * ({@code AccessTokenClaims}), the same as ticking every scope, instead of a token that can do nothing. So Swagger
 * UI's sign-in works with nothing ticked. A request that names scopes still gets only those; a pushed request
 * ({@code request_uri}) keeps what was pushed.
 */
final class RequestedScopesByDefault implements AuthenticationConverter {

    private final AuthenticationConverter delegate = new OAuth2AuthorizationCodeRequestAuthenticationConverter();
    private final RegisteredClientRepository clients;

    RequestedScopesByDefault(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        var converted = delegate.convert(request);
        if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorization)
                || !authorization.getScopes().isEmpty()
                || request.getParameter(OAuth2ParameterNames.REQUEST_URI) != null) {
            return converted;
        }
        var client = clients.findByClientId(authorization.getClientId());
        if (client == null) {
            return converted;
        }
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(
                authorization.getAuthorizationUri(),
                authorization.getClientId(),
                (Authentication) authorization.getPrincipal(),
                authorization.getRedirectUri(),
                authorization.getState(),
                client.getScopes(),
                authorization.getAdditionalParameters());
    }
}
