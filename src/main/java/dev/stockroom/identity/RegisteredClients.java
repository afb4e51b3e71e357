package dev.stockroom.identity;

import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.shared.security.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The clients the authorization server knows: the API clients in the database, and the public client the API
 * documentation signs people in with. Machines get {@code client_credentials}; clients with redirect URIs also
 * sign people in ({@code authorization_code} with PKCE, and rotating refresh tokens). Password and implicit
 * grants exist for nobody.
 */
@Component("registeredClientRepository")
@ConditionalOnExpression("'${stockroom.identity.oauth.issuer-uri:}'.isBlank()")
class RegisteredClients implements RegisteredClientRepository {

    private final ApiClientRepository clients;
    private final OAuthProperties properties;
    private final RegisteredClient docs;

    RegisteredClients(ApiClientRepository clients, OAuthProperties properties) {
        this.clients = clients;
        this.properties = properties;
        this.docs = docsClient(properties);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are registered through /v1/clients");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        if (docs.getId().equals(id)) {
            return docs;
        }
        try {
            return clients.findRegistrationById(new ApiClientId(UUID.fromString(id)))
                    .map(this::toRegisteredClient)
                    .orElse(null);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        if (docs.getClientId().equals(clientId)) {
            return docs;
        }
        return clients.findRegistration(clientId).map(this::toRegisteredClient).orElse(null);
    }

    private RegisteredClient toRegisteredClient(ApiClientRepository.Registration registration) {
        var client = registration.client();
        var builder = RegisteredClient.withId(client.id().toString())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(registration.secretHash())
                .clientIdIssuedAt(client.createdAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings(properties));
        if (client.signsInPeople()) {
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(client.redirectUris()))
                    .scope(OidcScopes.OPENID);
        }
        return builder.build();
    }

    static TokenSettings tokenSettings(OAuthProperties properties) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    private static RegisteredClient docsClient(OAuthProperties properties) {
        var redirectUris = new ArrayList<String>();
        redirectUris.add(properties.publicUrl().replaceAll("/+$", "") + "/swagger-ui/oauth2-redirect.html");
        redirectUris.addAll(properties.docsRedirectUris());
        return RegisteredClient.withId("docs")
                .clientId(properties.docsClientId())
                .clientName("API documentation (Swagger UI)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(List.copyOf(redirectUris)))
                .scope(OidcScopes.OPENID)
                .scopes(scopes -> scopes.addAll(Scopes.ALL))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings(properties))
                .build();
    }
}
