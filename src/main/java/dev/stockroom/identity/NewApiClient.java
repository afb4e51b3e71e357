package dev.stockroom.identity;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What it takes to register an API client; the service makes its id and secret. */
public record NewApiClient(
        String name,
        Set<String> scopes,
        List<String> redirectUris,
        @Nullable CustomerId customerId,
        @Nullable RateLimitPolicy rateLimit) {}
