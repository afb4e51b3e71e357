package dev.stockroom.identity;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A machine that calls the API with its own credentials: a partner integration, an automation, or an app that
 * signs people in (when it has redirect URIs). A client bound to a customer acts only for that customer.
 *
 * @param rateLimit the client's own rate limit, or null for the default
 * @param version the version an {@code If-Match} refers to, raised by every change
 */
public record ApiClient(
        ApiClientId id,
        String clientId,
        String name,
        Set<String> scopes,
        List<String> redirectUris,
        @Nullable CustomerId customerId,
        @Nullable RateLimitPolicy rateLimit,
        Instant createdAt,
        long version) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
        redirectUris = List.copyOf(redirectUris);
    }

    /** The client with these changes and the next version; this same client when they change nothing. */
    public ApiClient apply(ClientChanges changes) {
        String newName = changes.name() == null ? name : changes.name();
        RateLimitPolicy newRateLimit = changes.rateLimitSent() ? changes.rateLimit() : rateLimit;
        if (newName.equals(name) && Objects.equals(newRateLimit, rateLimit)) {
            return this;
        }
        return new ApiClient(
                id, clientId, newName, scopes, redirectUris, customerId, newRateLimit, createdAt, version + 1);
    }

    /** Whether the client may sign people in (authorization code with PKCE, and refresh tokens). */
    public boolean signsInPeople() {
        return !redirectUris.isEmpty();
    }
}
