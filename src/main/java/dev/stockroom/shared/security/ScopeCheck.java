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
 * Checks {@link RequiresScope} before the request body is read or validated, so a caller without the scope
 * learns nothing about the operation (not even its validation rules) and costs no work: 403 comes first. Method
 * security enforces the same annotation again around the call itself.
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
