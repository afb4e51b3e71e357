package dev.stockroom.shared.security;

import dev.stockroom.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 for the API, as problem details like every other error, with the RFC 6750
 * {@code WWW-Authenticate} challenge: {@code invalid_token} for a missing, malformed, forged or expired token,
 * {@code insufficient_scope} for a valid token without the scope the operation needs. The body never says more
 * than the challenge (nothing about the token's contents).
 */
@Component
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        String description = "A valid access token is required.";
        if (ex instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError bearer
                && bearer.getDescription() != null
                && bearer.getHttpStatus() == HttpStatus.UNAUTHORIZED) {
            description = "The access token is missing, malformed, expired or not issued for this service.";
        }
        var params = new LinkedHashMap<String, String>();
        params.put("error", "invalid_token");
        params.put("error_description", description);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", description, params);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        String description = "The access token does not carry the scope this operation needs.";
        var params = new LinkedHashMap<String, String>();
        params.put("error", "insufficient_scope");
        params.put("error_description", description);
        write(request, response, HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden", description, params);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            String title,
            String detail,
            Map<String, String> challenge)
            throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                "Bearer "
                        + challenge.entrySet().stream()
                                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                                .collect(Collectors.joining(", ")));
        problems.write(problems.create(status, slug, title, detail), request, response);
    }
}
