package dev.stockroom.identity.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The loops that replaced regular expressions on the request path decide exactly as Spring Security's own
 * rules do: the bearer token as {@link DefaultBearerTokenResolver} reads it, and header names and values as
 * {@code StrictHttpFirewall}'s default pattern allows them.
 */
class FastChecksTest {

    private static final List<String> AUTHORIZATIONS = List.of(
            "Bearer abc.def-ghi_jkl~mno+pqr/stu",
            "bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln==",
            "BEARER token=",
            "Bearer token=x",
            "Bearer ",
            "Bearer",
            "Bearer  two-spaces",
            "Bearer tab\there",
            "Bearer a b",
            "Bearer ===",
            "Bearer é",
            "Bearertoken",
            "Basic dXNlcjpwYXNz",
            "DPoP eyJhbGciOiJSUzI1NiJ9.x.y",
            "",
            "Bear token");

    @Test
    void theBearerTokenIsReadAsSpringSecurityReadsIt() {
        var ours = new HeaderOnlyBearerTokenResolver();
        var spring = new DefaultBearerTokenResolver();
        for (String authorization : AUTHORIZATIONS) {
            var request = new MockHttpServletRequest("GET", "/v1/products");
            request.addHeader("Authorization", authorization);
            assertThat(outcome(() -> ours.resolve(request)))
                    .as(authorization)
                    .isEqualTo(outcome(() -> spring.resolve(request)));
        }
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/v1/products")))
                .isNull();
    }

    @Test
    void aTokenInTheQueryStringIsStillRefused() {
        var request = new MockHttpServletRequest("GET", "/v1/products");
        request.setQueryString("limit=1&access_token=abc");
        assertThatThrownBy(() -> new HeaderOnlyBearerTokenResolver().resolve(request))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void headerNamesAndValuesAreAllowedAsByTheFirewallsDefaultPattern() {
        var pattern = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
        var samples = List.of(
                "",
                "application/json",
                "Bearer abc",
                "tab\there",
                "nul\u0000",
                "del\u007f",
                "c1\u0085",
                "unassigned\u0378",
                "emoji \uD83D\uDE00",
                "lone \uD800 surrogate",
                "é ü ß 中文",
                "zero\u200Bwidth",
                "private\uE000use");
        for (String sample : samples) {
            assertThat(SecurityConfiguration.assignedAndNotControl(sample))
                    .as(sample)
                    .isEqualTo(pattern.matcher(sample).matches());
        }
        // Every UTF-16 unit, alone and after printable ASCII (where the fast path hands over to the full check).
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String sample : List.of(String.valueOf(c), "Bearer ~" + c, c + " ~")) {
                assertThat(SecurityConfiguration.assignedAndNotControl(sample))
                        .as("U+%04X in %s", (int) c, sample)
                        .isEqualTo(pattern.matcher(sample).matches());
            }
        }
    }

    /** The token resolved, or the error's description when it is refused. */
    private static @Nullable String outcome(java.util.function.Supplier<@Nullable String> resolve) {
        try {
            return resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused: " + e.getError().getErrorCode();
        }
    }
}
