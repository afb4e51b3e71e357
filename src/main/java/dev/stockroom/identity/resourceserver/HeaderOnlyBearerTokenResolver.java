package dev.stockroom.identity.resourceserver;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Access tokens only in the {@code Authorization} header. A token in the query string ends up in access logs,
 * browser history and {@code Referer} headers, so it is refused outright (401 {@code invalid_token}) rather than
 * ignored.
 */
class HeaderOnlyBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.startsWith("access_token=") || query.contains("&access_token="))) {
            throw new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("Access tokens are not accepted in the query string"));
        }
        return header.resolve(request);
    }
}
