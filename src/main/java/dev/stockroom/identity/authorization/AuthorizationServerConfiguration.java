package dev.stockroom.identity.authorization;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.stockroom.identity.SigningKeys;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded authorization server (Spring Authorization Server), on unless an external issuer is configured:
 * token, authorization, JWKS, revocation, introspection and metadata endpoints, with the state in PostgreSQL so
 * every instance can continue what another began. Refresh tokens and authorization codes are redeemed at most
 * once, also under concurrent requests ({@link SingleUseGrants}). Introspection answers a client about its own
 * tokens only ({@link OwnTokensIntrospection}); the endpoints for clients answer a request without client
 * authentication with 401 {@code invalid_client}, and only the authorization endpoint sends a browser to the
 * login form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${stockroom.identity.oauth.issuer-uri:}'.isBlank()")
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            AuthorizationServerSettings settings,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            RegisteredClientRepository clients)
            throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        var clientEndpoints = new OrRequestMatcher(Stream.of(
                        settings.getTokenEndpoint(),
                        settings.getTokenIntrospectionEndpoint(),
                        settings.getTokenRevocationEndpoint(),
                        settings.getPushedAuthorizationRequestEndpoint(),
                        settings.getDeviceAuthorizationEndpoint())
                .<RequestMatcher>map(PathPatternRequestMatcher::pathPattern)
                .toList());
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.oidc(Customizer.withDefaults())
                                .authorizationEndpoint(authorization -> authorization.authorizationRequestConverters(
                                        converters -> converters.replaceAll(converter -> converter
                                                        instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter
                                                ? new RequestedScopesByDefault(clients)
                                                : converter)))
                                .tokenEndpoint(token -> token.accessTokenRequestConverters(
                                                converters -> converters.replaceAll(converter -> converter
                                                                instanceof
                                                                OAuth2ClientCredentialsAuthenticationConverter
                                                        ? new ClientScopesByDefault()
                                                        : converter))
                                        .authenticationProviders(providers -> providers.replaceAll(
                                                provider -> grantProvider(provider, transactions, jdbc, events))))
                                .tokenIntrospectionEndpoint(introspection -> introspection.authenticationProviders(
                                        providers -> providers.replaceAll(provider ->
                                                provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                                                        ? new OwnTokensIntrospection(provider)
                                                        : provider))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientEndpoints)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** A grant is redeemed at most once (codes, refresh tokens); every refusal of a grant is audited. */
    private static AuthenticationProvider grantProvider(
            AuthenticationProvider provider,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        boolean singleUse = provider instanceof OAuth2RefreshTokenAuthenticationProvider
                || provider instanceof OAuth2AuthorizationCodeAuthenticationProvider;
        return new AuditedRefusals(singleUse ? new SingleUseGrants(provider, transactions, jdbc) : provider, events);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcTemplate jdbcTemplate,
            JdbcClient jdbc,
            RegisteredClientRepository clients,
            ApplicationEventPublisher events) {
        return new RotatingAuthorizationService(
                new JdbcOAuth2AuthorizationService(jdbcTemplate, clients), jdbc, events);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OAuthProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.publicUrl())
                .build();
    }

    /** The public keys, for the JWKS endpoint. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.verification());
    }

    /** Signs with the one current key only, so a retired key never signs again. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(keys.signing()));
    }
}
