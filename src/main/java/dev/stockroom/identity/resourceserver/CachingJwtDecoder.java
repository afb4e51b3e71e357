package dev.stockroom.identity.resourceserver;

import java.util.function.Predicate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers tokens it has already verified, so a client that sends the same access token many times (as clients
 * do for its whole lifetime) pays for the signature check and claim parsing once. The validators (expiry,
 * not-before, issuer, audience) still run on every use, so a remembered token stops working the moment it
 * expires. Only tokens that passed are remembered; the cache is bounded.
 */
class CachingJwtDecoder implements JwtDecoder {

    private final OAuth2TokenValidator<Jwt> validator;
    private final Predicate<Jwt> keyStillPublished;
    private final ConcurrentLruCache<String, Jwt> verified;

    /**
     * @param keyStillPublished whether the key that signed a remembered token is still trusted; a token whose key
     *     has left the key set is verified afresh (and then refused)
     */
    CachingJwtDecoder(
            JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Predicate<Jwt> keyStillPublished, int capacity) {
        this.validator = validator;
        this.keyStillPublished = keyStillPublished;
        this.verified = new ConcurrentLruCache<>(capacity, delegate::decode);
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (!keyStillPublished.test(jwt)) {
            verified.remove(token);
            jwt = verified.get(token);
        }
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return jwt;
    }
}
