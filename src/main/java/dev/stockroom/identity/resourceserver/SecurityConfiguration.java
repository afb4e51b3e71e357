package dev.stockroom.identity.resourceserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.stockroom.identity.SigningKeys;
import dev.stockroom.identity.authorization.OAuthProperties;
import dev.stockroom.shared.ratelimit.RateLimiting;
import dev.stockroom.shared.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * How requests are authenticated. {@code /v1/**} is a stateless OAuth 2.0 resource server: a valid JWT is
 * required ({@code Authorization: Bearer}, or {@code Authorization: DPoP} with a DPoP proof for a token bound to a
 * key, RFC 9449, each proof used once across all instances ({@link DPoPProofReplays}); a bound token sent as a
 * plain bearer token is refused), and each operation's {@link dev.stockroom.shared.security.RequiresScope} decides the scope
 * ({@code ScopeCheck}). The login form is the only place with a session. Errors are problem details with the RFC 6750
 * challenge. Once a request is authenticated, its log lines name the caller ({@link PrincipalLogFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * No observation of each security filter, authentication and authorization: they cost more per request than
     * the query behind it, and the request's own span ({@code http.server.requests}) with its JDBC spans already
     * says where a slow request spent its time. Authentication failures are counted by {@code
     * AuthenticationFailureMetrics}, from Spring Security's events.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its own rules, but header names and values checked by a loop over
     * their code points rather than a regular expression each time a header is read.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * Spring Security's default rule for header names and values: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}.
     * Printable ASCII, which nearly every header is (a bearer token of a thousand characters among them), passes
     * without a look into the Unicode tables; the firewall asks on every read of a header.
     */
    static boolean assignedAndNotControl(String value) {
        int length = value.length();
        int i = 0;
        while (i < length) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~') {
                break;
            }
            i++;
        }
        while (i < length) {
            int codePoint = value.codePointAt(i);
            if (Character.getType(codePoint) == Character.UNASSIGNED || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The login form people use during the authorization code flow. */
    @Bean
    @Order(2)
    SecurityFilterChain loginSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemSecurityHandlers problems,
            JwtDecoder decoder,
            OAuthProperties oauth,
            ApiSecurityProperties security,
            DPoPProofReplays dPoPProofs,
            RateLimiting rateLimiting)
            throws Exception {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                new ScopeAuthorities(oauth.scopeClaim(), oauth.external() ? oauth.rolesClaim() : null));
        var sensitive = new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/v1/users/**"),
                PathPatternRequestMatcher.pathPattern("/v1/clients/**"),
                PathPatternRequestMatcher.pathPattern("/v1/signing-keys/**"),
                PathPatternRequestMatcher.pathPattern("/v1/me"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.OPTIONS, "/v1/**")
                        .permitAll()
                        .requestMatchers("/v1/**", "/graphql")
                        .authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(SecurityConfiguration::onManagementServer)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority("SCOPE_users:admin")
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> {
                    resourceServer
                            .bearerTokenResolver(new HeaderOnlyBearerTokenResolver())
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                            .dPoP(dPoP -> dPoP.authenticationFailureHandler(
                                    new AuthenticationEntryPointFailureHandler(problems)));
                    // The DPoP configurer has no setting for the proof verifier; it post-processes its provider.
                    resourceServer.addObjectPostProcessor(new ObjectPostProcessor<DPoPAuthenticationProvider>() {
                        @Override
                        public <O extends DPoPAuthenticationProvider> O postProcess(O provider) {
                            provider.setDPoPProofVerifierFactory(dPoPProofs.proofVerifiers());
                            return provider;
                        }
                    });
                })
                .addFilterBefore(new PrincipalLogFilter(), AuthorizationFilter.class)
                // After authentication, so a request counts against its client's bucket; before authorization, so
                // requests without a token count against their address's.
                .addFilterBefore(rateLimiting.byCaller(), AuthorizationFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsConfiguration(security)))
                .headers(headers -> {
                    headers.cacheControl(cache -> cache.disable());
                    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            sensitive, new StaticHeadersWriter("Cache-Control", "no-store")));
                    if (security.hstsMaxAge().isZero()) {
                        headers.httpStrictTransportSecurity(hsts -> hsts.disable());
                    } else {
                        headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(
                                        security.hstsMaxAge().toSeconds())
                                .includeSubDomains(true));
                    }
                });
        return http.build();
    }

    /**
     * Whether the request came in on the management server (the actuator on its own port, {@code
     * management.server.port}), which is never exposed to the outside and is open to Prometheus and the
     * orchestrator without a token. When the actuator shares the main port there is no management server, and
     * every actuator endpoint but health and info needs {@code users:admin}.
     */
    private static boolean onManagementServer(HttpServletRequest request) {
        var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
    }

    /**
     * Validates tokens: RS256 signature by a known key (ES256 too for an external provider), not expired, not
     * before {@code nbf}, issued by the expected issuer for this API's audience. Anything else, {@code alg:
     * none} and HMAC included, is refused.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuthProperties oauth, ObjectProvider<SigningKeys> keys) {
        NimbusJwtDecoder decoder;
        if (oauth.external()) {
            var builder = oauth.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(oauth.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(oauth.jwkSetUri());
            decoder = builder.jwsAlgorithms(algorithms ->
                            algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                    .build();
        } else {
            var signingKeys = keys.getObject();
            JWKSource<SecurityContext> verificationKeys = (selector, context) -> {
                var kids = selector.getMatcher().getKeyIDs();
                JWKSet set = kids == null || kids.isEmpty()
                        ? signingKeys.verification()
                        : signingKeys.verification(kids.iterator().next());
                return selector.select(set);
            };
            decoder = NimbusJwtDecoder.withJwkSource(verificationKeys)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        }
        var validator = validator(oauth);
        decoder.setJwtValidator(validator);
        Predicate<Jwt> keyStillPublished = oauth.external()
                ? jwt -> true
                : jwt -> keys.getObject()
                                .verification()
                                .getKeyByKeyId(String.valueOf(jwt.getHeaders().get("kid")))
                        != null;
        return new CachingJwtDecoder(decoder, validator, keyStillPublished, 4_096);
    }

    static OAuth2TokenValidator<Jwt> validator(OAuthProperties oauth) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(oauth.acceptedIssuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(oauth.audience())));
    }

    private static CorsConfigurationSource corsConfiguration(ApiSecurityProperties security) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!security.corsAllowedOrigins().isEmpty()) {
            var cors = new CorsConfiguration();
            cors.setAllowedOrigins(security.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of(
                    "Authorization",
                    "DPoP",
                    "Content-Type",
                    "If-Match",
                    "If-None-Match",
                    "Idempotency-Key",
                    "X-Request-Id"));
            cors.setExposedHeaders(List.of("ETag", "Location", "Link", "X-Request-Id", "Retry-After"));
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/v1/**", cors);
            source.registerCorsConfiguration("/graphql", cors);
            source.registerCorsConfiguration("/oauth2/token", cors);
        }
        return source;
    }
}
