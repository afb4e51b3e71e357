package dev.stockroom.shared.ratelimit;

import org.jspecify.annotations.Nullable;

/** A client's own rate limit, where an administrator set one (the identity module keeps them). */
public interface RateLimitOverrides {

    /** The client's own policy, or null for the default; answered from memory, so it may be seconds old. */
    @Nullable RateLimitPolicy forClient(String clientId);
}
