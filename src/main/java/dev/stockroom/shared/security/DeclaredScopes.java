package dev.stockroom.shared.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.web.method.HandlerMethod;

/**
 * Whether an authentication carries the scope a handler declares with {@link RequiresScope} (or, for {@link
 * RequiresToken}, is a token at all). One rule for every place that must decide it before the handler runs:
 * {@link ScopeCheck} and the idempotency store, which must not replay a stored response to a caller who could
 * not make the request.
 */
public final class DeclaredScopes {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private DeclaredScopes() {}

    /** True when the handler declares nothing, or the authentication carries what it declares. */
    public static boolean permit(Object handler, @Nullable Authentication authentication) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            return !method.hasMethodAnnotation(RequiresToken.class) || TRUST.isAuthenticated(authentication);
        }
        String authority = "SCOPE_" + required.value();
        if (!TRUST.isAuthenticated(authentication)) {
            return false;
        }
        for (var granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
