package dev.stockroom.identity;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.shared.security.Caller;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes every access token the service issues: the API as audience, the client it was issued to, the kind of
 * principal, the customer a partner client is bound to (whatever the grant, also when a person signs in through
 * it), and for people only the scopes their role allows. A disabled or deleted user gets no new token, also not
 * through a refresh token issued before.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final OAuthProperties properties;
    private final UserRepository users;
    private final ApiClientRepository clients;

    AccessTokenClaims(OAuthProperties properties, UserRepository users, ApiClientRepository clients) {
        this.properties = properties;
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        var claims = context.getClaims();
        // A singleton list, as Spring Authorization Server itself uses: its stored token metadata only admits known
        // types.
        claims.audience(Collections.singletonList(properties.audience()));
        // RFC 9068: which application holds the token, also when it acts for a person (idempotency keys are per
        // client and subject).
        claims.claim("client_id", context.getRegisteredClient().getClientId());
        Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
        // On every grant: a person signing in through a bound client acts, through it, only for its customer.
        clientBinding(context.getRegisteredClient().getId())
                .ifPresent(customer ->
                        claims.claim(Caller.CUSTOMER_CLAIM, customer.value().toString()));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(Caller.KIND_CLAIM, "client");
        } else {
            Authentication principal = Objects.requireNonNull(context.getPrincipal(), "A user grant has a principal");
            var user = parse(principal.getName())
                    .map(UserId::new)
                    .flatMap(users::findById)
                    .filter(UserAccount::enabled)
                    .orElseThrow(() -> new OAuth2AuthenticationException(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The grant is no longer valid.", null)));
            scopes.removeIf(scope -> !user.role().scopes().contains(scope) && !"openid".equals(scope));
            claims.claim(Caller.KIND_CLAIM, "user");
            claims.claim("role", user.role().wireValue());
        }
        claims.claim("scope", String.join(" ", scopes));
    }

    private java.util.Optional<CustomerId> clientBinding(String registeredClientId) {
        return parse(registeredClientId)
                .map(ApiClientId::new)
                .flatMap(clients::findRegistrationById)
                .map(registration -> registration.client().customerId());
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
