package dev.stockroom.identity.resourceserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.identity.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated token into {@code SCOPE_*} authorities: the scopes in the scope claim (a space-separated
 * string or a list), and, for tokens of an external provider, the scopes of the roles in the roles claim.
 * Remembered per token instance (the decoder hands out the same {@code Jwt} for the same token while it caches
 * it), so a request does not split and wrap the scopes again.
 */
class ScopeAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String scopeClaim;
    private final @Nullable String rolesClaim;
    private final Cache<Jwt, List<GrantedAuthority>> converted =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    ScopeAuthorities(String scopeClaim, @Nullable String rolesClaim) {
        this.scopeClaim = scopeClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return converted.get(jwt, this::authorities);
    }

    private List<GrantedAuthority> authorities(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>(values(jwt.getClaims().get(scopeClaim)));
        if (rolesClaim != null) {
            for (String role : values(descend(jwt.getClaims(), rolesClaim))) {
                Role.of(role).ifPresent(known -> scopes.addAll(known.scopes()));
            }
        }
        var authorities = new ArrayList<GrantedAuthority>();
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return List.copyOf(authorities);
    }

    private static @Nullable Object descend(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(@Nullable Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+")).stream()
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
