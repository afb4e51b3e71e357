package dev.stockroom.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: a person (user) or a machine (API client), with the scopes its token grants. A client may be
 * bound to one customer account; then it may only see and act on that customer's data.
 *
 * @param subject the user id or the client id ({@code sub})
 * @param customerId the customer a partner client is bound to, or null
 */
public record Caller(
        String subject,
        Kind kind,
        Set<String> scopes,
        @Nullable UUID customerId) {

    /** Claim naming the kind of principal in tokens the service issues. */
    public static final String KIND_CLAIM = "principal_type";
    /** Claim naming the customer a client is bound to. */
    public static final String CUSTOMER_CLAIM = "customer_id";

    public enum Kind {
        USER,
        CLIENT
    }

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public Optional<UUID> boundCustomer() {
        return Optional.ofNullable(customerId);
    }

    /** The caller of the current request, from its validated access token. */
    public static Caller current() {
        return ofCurrentRequest()
                .orElseThrow(() -> new IllegalStateException("No authenticated caller in this request"));
    }

    /**
     * The caller of the current request if it carries a validated access token; empty otherwise. Worked out once
     * per decoded token (they are cached, so a client's requests share one), not on every call: converting the
     * claims costs more than the lookup. A token's scope authorities come from the token alone, so the first
     * request's answer holds for every other with that token; the other authorities (Spring Security's factor
     * authorities, with the time of each authentication) are not part of a caller.
     */
    public static Optional<Caller> ofCurrentRequest() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        return Optional.of(KNOWN.get(token.getToken(), jwt -> of(token)));
    }

    private static final Cache<Jwt, Caller> KNOWN =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private static Caller of(JwtAuthenticationToken token) {
        var jwt = token.getToken();
        var kind = "client".equals(jwt.getClaimAsString(KIND_CLAIM)) ? Kind.CLIENT : Kind.USER;
        var scopes = token.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith("SCOPE_"))
                .map(authority -> authority.substring("SCOPE_".length()))
                .collect(java.util.stream.Collectors.toSet());
        String customer = jwt.getClaimAsString(CUSTOMER_CLAIM);
        String subject = Objects.requireNonNull(jwt.getSubject(), "An access token names its subject");
        return new Caller(subject, kind, scopes, customer == null ? null : UUID.fromString(customer));
    }
}
