package dev.stockroom.identity.resourceserver;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Access tokens only in the {@code Authorization} header. A token in the query string ends up in access logs,
 * browser history and {@code Referer} headers, so it is refused outright (401 {@code invalid_token}) rather than
 * ignored. The header is read as Spring Security's {@code DefaultBearerTokenResolver} reads it (scheme {@code
 * Bearer} in any case, one space, an RFC 6750 {@code b64token}; anything else after the scheme is a malformed
 * token), by a loop over the characters instead of its regular expression over the whole token.
 */
class HeaderOnlyBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.startsWith("access_token=") || query.contains("&access_token="))) {
            throw new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("Access tokens are not accepted in the query string"));
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start
                || authorization.charAt(SCHEME.length()) != ' '
                || !isB64Token(authorization, start)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(start);
    }

    /** RFC 6750: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}, from {@code start} on. */
    static boolean isB64Token(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenCharacter(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
