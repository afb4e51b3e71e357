package dev.stockroom.identity.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class ScopeAuthoritiesTest {

    private final ScopeAuthorities authorities = new ScopeAuthorities("scope", "roles");

    private static Jwt token(Map<String, Object> claims) {
        return new Jwt("t", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    private List<String> of(Jwt jwt) {
        return authorities.convert(jwt).stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Test
    void turnsTheScopeClaimIntoScopeAuthorities() {
        assertThat(of(token(Map.of("scope", "products:read  orders:write"))))
                .containsExactly("SCOPE_products:read", "SCOPE_orders:write");
    }

    @Test
    void addsTheScopesOfKnownRolesAndIgnoresUnknownOnes() {
        assertThat(of(token(Map.of("roles", List.of("viewer", "astronaut")))))
                .contains("SCOPE_products:read", "SCOPE_orders:read")
                .noneMatch(authority -> authority.contains("astronaut"));
    }

    @Test
    void eachTokenHasItsOwnAuthoritiesAndTheSameTokenTheSameAgain() {
        var reader = token(Map.of("scope", "products:read"));
        var writer = token(Map.of("scope", "products:write"));

        assertThat(of(reader)).containsExactly("SCOPE_products:read");
        assertThat(of(writer)).containsExactly("SCOPE_products:write");
        assertThat(of(reader)).containsExactly("SCOPE_products:read");
    }
}
