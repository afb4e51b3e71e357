package dev.stockroom.identity.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization server's store, with refresh-token reuse detection. Every refresh rotates the refresh
 * token; the one it replaces is remembered (as a SHA-256 hash) until it would have expired. Presenting a
 * replaced token again means it was copied: the whole family (the authorization both tokens belong to) is
 * revoked, so neither the thief nor the owner can refresh any longer and the owner has to sign in again.
 */
class RotatingAuthorizationService implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RotatingAuthorizationService.class);

    private final OAuth2AuthorizationService delegate;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RotatingAuthorizationService(
            OAuth2AuthorizationService delegate, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        var previous = delegate.findById(authorization.getId());
        if (previous != null) {
            recordRevocation(previous, authorization);
        }
        if (previous != null && previous.getRefreshToken() != null) {
            OAuth2RefreshToken old = previous.getRefreshToken().getToken();
            var current = authorization.getRefreshToken();
            if (current == null || !current.getToken().getTokenValue().equals(old.getTokenValue())) {
                Instant expiresAt = old.getExpiresAt() == null ? Instant.now() : old.getExpiresAt();
                jdbc.sql("""
                                insert into rotated_refresh_token (token_hash, authorization_id, expires_at)
                                values (:hash, :authorization, :expiresAt) on conflict do nothing
                                """)
                        .param("hash", hash(old.getTokenValue()))
                        .param("authorization", authorization.getId())
                        .param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        var found = delegate.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            jdbc.sql("select authorization_id from rotated_refresh_token where token_hash = :hash")
                    .param("hash", hash(token))
                    .query(String.class)
                    .optional()
                    .ifPresent(this::revokeFamily);
        }
        return found;
    }

    /** A token that was valid and now is invalidated, the same token, was revoked (the revocation endpoint). */
    private void recordRevocation(OAuth2Authorization before, OAuth2Authorization after) {
        for (var type : java.util.List.of(OAuth2TokenType.ACCESS_TOKEN, OAuth2TokenType.REFRESH_TOKEN)) {
            var was = type == OAuth2TokenType.ACCESS_TOKEN ? before.getAccessToken() : before.getRefreshToken();
            var is = type == OAuth2TokenType.ACCESS_TOKEN ? after.getAccessToken() : after.getRefreshToken();
            if (was != null
                    && is != null
                    && !was.isInvalidated()
                    && is.isInvalidated()
                    && was.getToken().getTokenValue().equals(is.getToken().getTokenValue())) {
                events.publishEvent(new TokenRevoked(
                        after.getId(), type.getValue(), after.getPrincipalName(), after.getRegisteredClientId()));
                return;
            }
        }
    }

    private void revokeFamily(String authorizationId) {
        var family = delegate.findById(authorizationId);
        if (family != null) {
            log.warn(
                    "Refresh token reuse detected for client {} and principal {}: authorization revoked",
                    family.getRegisteredClientId(),
                    family.getPrincipalName());
            delegate.remove(family);
            events.publishEvent(
                    new RefreshTokenReused(authorizationId, family.getPrincipalName(), family.getRegisteredClientId()));
        }
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
