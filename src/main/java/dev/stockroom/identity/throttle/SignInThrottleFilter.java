package dev.stockroom.identity.throttle;

import dev.stockroom.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles {@code POST /oauth2/token} and {@code POST /login}: an account blocked from this client address, or
 * an address blocked altogether, answers 429 with {@code Retry-After} before any credential is checked; a
 * person under attack from elsewhere is slowed down first; a failed attempt (a rejected client, a login that
 * comes back with an error) is counted; a success clears the account's count from this address. The answer
 * is the same whether or not the account exists. The account is named as the credential check will look it
 * up ({@link SignInThrottle.Account}), so no spelling of it gets fresh attempts.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final Problems problems;
    private final ApplicationEventPublisher events;

    SignInThrottleFilter(SignInThrottle throttle, Problems problems, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.problems = problems;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !(isTokenRequest(request) || isLogin(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var account = accountOf(request);
        String address = request.getRemoteAddr();
        var verdict = throttle.check(account, address);
        if (verdict.retryAfter().isPresent()) {
            tooManyAttempts(
                    request, response, Math.max(1, verdict.retryAfter().get().toSeconds()));
            return;
        }
        if (verdict.delay().isPositive()) {
            try {
                Thread.sleep(verdict.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while slowing a sign-in down", e);
            }
        }
        chain.doFilter(request, response);
        if (failed(request, response)) {
            throttle.recordFailure(account, address);
            if (isTokenRequest(request)) {
                events.publishEvent(new ClientAuthenticationFailed(account.name()));
            }
        } else if (response.getStatus() < 400) {
            throttle.recordSuccess(account, address);
        }
    }

    private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
        if (isTokenRequest(request)) {
            return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return response.getStatus() >= 400 || (location != null && location.contains("error"));
    }

    private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var problem = problems.create(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many attempts",
                "Too many failed attempts; try again in " + seconds + " seconds.");
        problems.write(problem, request, response);
    }

    private static SignInThrottle.Account accountOf(HttpServletRequest request) {
        if (isLogin(request)) {
            return SignInThrottle.Account.person(String.valueOf(request.getParameter("username")));
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return SignInThrottle.Account.client(
                            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                return SignInThrottle.Account.client("");
            }
        }
        return SignInThrottle.Account.client(String.valueOf(request.getParameter("client_id")));
    }

    private static boolean isTokenRequest(HttpServletRequest request) {
        return "/oauth2/token".equals(request.getServletPath());
    }

    private static boolean isLogin(HttpServletRequest request) {
        return "/login".equals(request.getServletPath());
    }
}
