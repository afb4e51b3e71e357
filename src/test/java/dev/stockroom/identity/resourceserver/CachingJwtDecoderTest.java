package dev.stockroom.identity.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

    private final AtomicInteger decodes = new AtomicInteger();
    private final AtomicBoolean valid = new AtomicBoolean(true);
    private final AtomicBoolean published = new AtomicBoolean(true);

    private final JwtDecoder delegate = token -> {
        decodes.incrementAndGet();
        if (token.equals("bad")) {
            throw new BadJwtException("bad");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .header("kid", "k1")
                .subject("s")
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(
            delegate,
            jwt -> valid.get()
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token")),
            jwt -> published.get(),
            16);

    @Test
    void verifiesATokenOnceAndRemembersIt() {
        decoder.decode("t1");
        decoder.decode("t1");
        decoder.decode("t1");

        assertThat(decodes).hasValue(1);
    }

    @Test
    void validatesARememberedTokenOnEveryUse() {
        decoder.decode("t1");
        valid.set(false);

        assertThatThrownBy(() -> decoder.decode("t1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void verifiesAgainWhenTheSigningKeyIsNoLongerPublished() {
        decoder.decode("t1");
        published.set(false);

        decoder.decode("t1");

        assertThat(decodes).hasValue(2);
    }

    @Test
    void neverRemembersARefusedToken() {
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);

        assertThat(decodes).hasValue(2);
    }
}
