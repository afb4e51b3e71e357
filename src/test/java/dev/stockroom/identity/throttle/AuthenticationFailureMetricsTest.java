package dev.stockroom.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.shared.security.AuthenticationFailureReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class AuthenticationFailureMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AuthenticationFailureMetrics metrics = new AuthenticationFailureMetrics(registry);
    final TestingAuthenticationToken attempt = new TestingAuthenticationToken("someone@example.com", "secret");

    @Test
    void theReasonComesFromTheExceptionsClassFromAFixedSet() {
        assertThat(AuthenticationFailureReason.of(new BadCredentialsException("wrong password")))
                .isEqualTo(AuthenticationFailureReason.BAD_CREDENTIALS);
        assertThat(AuthenticationFailureReason.of(new UsernameNotFoundException("nobody")))
                .isEqualTo(AuthenticationFailureReason.BAD_CREDENTIALS);
        assertThat(AuthenticationFailureReason.of(new InvalidBearerTokenException("Malformed token")))
                .isEqualTo(AuthenticationFailureReason.INVALID_TOKEN);
        assertThat(AuthenticationFailureReason.of(new DisabledException("disabled")))
                .isEqualTo(AuthenticationFailureReason.DISABLED);
        assertThat(AuthenticationFailureReason.of(new LockedException("locked")))
                .isEqualTo(AuthenticationFailureReason.LOCKED);
        assertThat(AuthenticationFailureReason.of(new InsufficientAuthenticationException("anything else")))
                .isEqualTo(AuthenticationFailureReason.OTHER);
    }

    @Test
    void everyReasonHasASeriesAndNoLabelNamesTheAccount() {
        metrics.on(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
        metrics.on(new ClientAuthenticationFailed("ghost-client"));

        var counters = registry.find("stockroom.auth.failures").counters();
        assertThat(counters).hasSize(AuthenticationFailureReason.values().length);
        assertThat(counters)
                .allSatisfy(counter -> assertThat(counter.getId().getTags())
                        .singleElement()
                        .satisfies(tag -> assertThat(tag.getKey()).isEqualTo("reason")));
        assertThat(count("bad_credentials")).isEqualTo(1);
        assertThat(count("invalid_client")).isEqualTo(1);
    }

    @Test
    void aMissingProviderIsNotAFailureOfItsOwn() {
        metrics.on(new AuthenticationFailureProviderNotFoundEvent(attempt, new ProviderNotFoundException("none")));

        assertThat(registry.find("stockroom.auth.failures").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private double count(String reason) {
        return registry.get("stockroom.auth.failures")
                .tag("reason", reason)
                .counter()
                .count();
    }
}
