package dev.stockroom.shared.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts requests to the API ({@code /v1/**}, {@code /graphql}) and the token endpoint against their rate limit
 * ({@link RateLimiting}); preflight requests ({@code OPTIONS}) are not counted, nor is anything else (the docs,
 * the probes, the actuator).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiting limiting;
    private final boolean byCaller;

    RateLimitFilter(RateLimiting limiting, boolean byCaller) {
        this.limiting = limiting;
        this.byCaller = byCaller;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.equals("/graphql") || path.equals("/oauth2/token"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limiting.admit(request, response, byCaller)) {
            chain.doFilter(request, response);
        }
    }
}
