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
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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

    /** The proof algorithms the resource server verifies (those of Spring Security's DPoP proof decoder). */
    private static final String DPOP_ALGORITHMS = "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512";

    private final Problems problems;

    ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        String description = "A valid access token is required.";
        String error = "invalid_token";
        if (ex instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError bearer
                && bearer.getDescription() != null
                && bearer.getHttpStatus() == HttpStatus.UNAUTHORIZED) {
            description = "The access token is missing, malformed, expired or not issued for this service.";
        }
        boolean dPoP = isDPoP(request);
        if (dPoP && ex instanceof OAuth2AuthenticationException oauth) {
            switch (oauth.getError().getErrorCode()) {
                case OAuth2ErrorCodes.INVALID_DPOP_PROOF -> {
                    error = OAuth2ErrorCodes.INVALID_DPOP_PROOF;
                    description = "The DPoP proof is invalid, or not for this request or this token.";
                }
                case OAuth2ErrorCodes.INVALID_REQUEST -> {
                    error = OAuth2ErrorCodes.INVALID_REQUEST;
                    description = "A DPoP-bound access token needs exactly one DPoP proof header.";
                }
                default ->
                    description = "The access token is missing, malformed, expired or not issued for this service.";
            }
        }
        var params = new LinkedHashMap<String, String>();
        params.put("error", error);
        params.put("error_description", description);
        if (dPoP) {
            params.put("algs", DPOP_ALGORITHMS);
        }
        write(
                request,
                response,
                dPoP ? "DPoP" : "Bearer",
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                description,
                params);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        String description = "The access token does not carry the scope this operation needs.";
        var params = new LinkedHashMap<String, String>();
        params.put("error", "insufficient_scope");
        params.put("error_description", description);
        write(
                request,
                response,
                isDPoP(request) ? "DPoP" : "Bearer",
                HttpStatus.FORBIDDEN,
                "insufficient-scope",
                "Forbidden",
                description,
                params);
    }

    /** Whether the request presents its token under the DPoP scheme (RFC 9449, section 7.1). */
    private static boolean isDPoP(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            String scheme,
            HttpStatus status,
            String slug,
            String title,
            String detail,
            Map<String, String> challenge)
            throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                scheme + " "
                        + challenge.entrySet().stream()
                                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                                .collect(Collectors.joining(", ")));
        problems.write(problems.create(status, slug, title, detail), request, response);
    }
}
