package dev.stockroom.shared.security;

import java.util.Locale;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Why an authentication failed, as the stable words the audit log ({@code sign_in.failed}) and the metric
 * {@code stockroom_auth_failures_total} use: a small fixed set taken from the failure's kind, never from the
 * account or the exception's message or class name, so clients and dashboards can match on it.
 */
public enum AuthenticationFailureReason {
    /** Wrong password, or no such person (the two are not told apart). */
    BAD_CREDENTIALS,
    /** Wrong client secret or unknown client at the token endpoint. */
    INVALID_CLIENT,
    /** An access token (or its DPoP proof) that is forged, damaged, expired or foreign. */
    INVALID_TOKEN,
    DISABLED,
    LOCKED,
    EXPIRED,
    OTHER;

    /** The word itself: {@code bad_credentials}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuthenticationFailureReason of(AuthenticationException failure) {
        return switch (failure) {
            case BadCredentialsException _, UsernameNotFoundException _ -> BAD_CREDENTIALS;
            case OAuth2AuthenticationException _ -> INVALID_TOKEN;
            case DisabledException _ -> DISABLED;
            case LockedException _ -> LOCKED;
            case AccountExpiredException _, CredentialsExpiredException _ -> EXPIRED;
            default -> OTHER;
        };
    }
}
