package dev.stockroom.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A key that signs (or signed) access tokens, without its private part.
 *
 * @param retiredAt when a newer key took over signing; the key stays in the JWKS until its tokens expire
 */
public record SigningKey(
        String kid, Instant createdAt, @Nullable Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }
}
