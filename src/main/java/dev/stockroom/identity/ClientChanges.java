package dev.stockroom.identity;

import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code PATCH /v1/clients/{id}} changes: each member null when it was not sent; {@code rateLimitSent} with a
 * null {@code rateLimit} gives the client the default limit again.
 */
public record ClientChanges(
        @Nullable String name,
        boolean rateLimitSent,
        @Nullable RateLimitPolicy rateLimit) {}
