package dev.stockroom.identity.throttle;

import dev.stockroom.shared.security.AuthenticationFailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.stereotype.Component;

/**
 * {@code stockroom.auth.failures} by {@code reason}: every failed authentication, whoever tried. Spring Security
 * publishes the login form's and the bearer tokens' failures ({@link AbstractAuthenticationFailureEvent}); the
 * token endpoint's failed client authentications come from {@link SignInThrottleFilter}
 * ({@link ClientAuthenticationFailed}). The reason is one of {@link AuthenticationFailureReason}'s words, never the
 * account or its message, so the label stays bounded; every series exists from the start at zero.
 */
@Component
class AuthenticationFailureMetrics {

    private final Map<AuthenticationFailureReason, Counter> failures = new EnumMap<>(AuthenticationFailureReason.class);

    AuthenticationFailureMetrics(MeterRegistry registry) {
        for (AuthenticationFailureReason reason : AuthenticationFailureReason.values()) {
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
            count(AuthenticationFailureReason.of(failure.getException()));
        }
    }

    @EventListener
    void on(ClientAuthenticationFailed failure) {
        count(AuthenticationFailureReason.INVALID_CLIENT);
    }

    private void count(AuthenticationFailureReason reason) {
        Objects.requireNonNull(failures.get(reason)).increment();
    }
}
