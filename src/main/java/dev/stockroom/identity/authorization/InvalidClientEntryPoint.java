package dev.stockroom.identity.authorization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer of the token, introspection and revocation endpoints to a request without client authentication:
 * 401 {@code invalid_client} in the OAuth error format with a {@code Basic} challenge (RFC 6749, section 5.2),
 * whatever the {@code Accept} header says. These endpoints are for clients, never browsers, so a redirect to
 * the login form would only confuse them.
 */
class InvalidClientEntryPoint implements AuthenticationEntryPoint {

    private static final byte[] BODY =
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication is required.\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"stockroom\", charset=\"UTF-8\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
