package dev.stockroom.identity;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.stockroom.shared.ratelimit.RateLimitOverrides;
import dev.stockroom.shared.ratelimit.RateLimitPolicy;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The clients' own rate limits ({@code rate_limit} of {@code /v1/clients}), remembered for {@value #SECONDS}
 * seconds per client, so that a request asks the database at most that often; a client unknown here (a token of
 * an external provider) has the default. A change on this instance applies here as soon as it is committed, and
 * on the others within those seconds.
 */
@Component
class ApiClientRateLimits implements RateLimitOverrides {

    static final int SECONDS = 10;

    private final LoadingCache<String, Optional<RateLimitPolicy>> policies;

    ApiClientRateLimits(ApiClientRepository clients) {
        this.policies = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(SECONDS))
                .build(clients::findRateLimit);
    }

    @Override
    public @Nullable RateLimitPolicy forClient(String clientId) {
        return policies.get(clientId).orElse(null);
    }

    @TransactionalEventListener
    void changed(ClientUpdated event) {
        policies.invalidate(event.after().clientId());
    }

    @TransactionalEventListener
    void deleted(ClientDeleted event) {
        policies.invalidate(event.client().clientId());
    }
}
