package dev.stockroom.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresScope} and {@link RequiresToken}, once, before the request body is read or validated,
 * so a caller without the scope learns nothing about the operation (not even its validation rules) and costs no
 * work: 403 comes first. Every operation declares one or the other (checked by {@code
 * SecuritySuiteIT}); the filter chain has already refused a request to {@code /v1} without a valid token.
 */
@Configuration(proxyBeanMethods = false)
class ScopeCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!DeclaredScopes.permit(handler, SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException("Missing the scope the operation declares");
        }
        return true;
    }
}
