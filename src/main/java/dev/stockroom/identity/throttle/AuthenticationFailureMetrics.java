package dev.stockroom.identity.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * {@code stockroom.auth.failures} by {@code reason}: every failed authentication, whoever tried. Spring Security
 * publishes the login form's and the bearer tokens' failures ({@link AbstractAuthenticationFailureEvent}); the
 * token endpoint's failed client authentications come from {@link SignInThrottleFilter}
 * ({@link ClientAuthenticationFailed}). The reason is a small fixed set taken from the exception's class, never the
 * account or its message, so the label stays bounded; every series exists from the start at zero.
 */
@Component
class AuthenticationFailureMetrics {

    /** Why an authentication failed. */
    enum Reason {
        /** Wrong password, unknown person. */
        BAD_CREDENTIALS,
        /** Wrong client secret or unknown client at the token endpoint. */
        INVALID_CLIENT,
        /** An access token (or its DPoP proof) that is forged, damaged, expired or foreign. */
        INVALID_TOKEN,
        DISABLED,
        LOCKED,
        EXPIRED,
        OTHER;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Reason of(AuthenticationException failure) {
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

    private final Map<Reason, Counter> failures = new EnumMap<>(Reason.class);

    AuthenticationFailureMetrics(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            failures.put(
                    reason,
                    Counter.builder("stockroom.auth.failures")
                            .description("Failed authentications (sign-ins, client authentication, access tokens)")
                            .tag("reason", reason.label())
                            .register(registry));
        }
    }

    /**
     * Counts a failure, except "no provider for this kind of credential": Spring Security's global authentication
     * manager says that for every token and client credential that a filter chain's own manager has already
     * judged (and published), so it would count each failure twice.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        if (!(failure instanceof AuthenticationFailureProviderNotFoundEvent)) {
            count(Reason.of(failure.getException()));
        }
    }

    @EventListener
    void on(ClientAuthenticationFailed failure) {
        count(Reason.INVALID_CLIENT);
    }

    private void count(Reason reason) {
        Objects.requireNonNull(failures.get(reason)).increment();
    }
}
