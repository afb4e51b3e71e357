package dev.stockroom.shared.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.method.HandlerMethod;

/**
 * Whether an authentication carries the scope a handler declares with {@link RequiresScope}. One rule for every
 * place that must decide it before the handler runs: {@link ScopeCheck} and the idempotency store, which must
 * not replay a stored response to a caller who could not make the request.
 */
public final class DeclaredScopes {

    private DeclaredScopes() {}

    /** True when the handler declares no scope or the authentication carries the declared one. */
    public static boolean permit(Object handler, @Nullable Authentication authentication) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            return true;
        }
        String authority = "SCOPE_" + required.value();
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
