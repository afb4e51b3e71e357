package dev.stockroom.shared.ratelimit;

import dev.stockroom.shared.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Counts every API request against a token bucket, and refuses it with 429 problem details and {@code Retry-After}
 * past the limit. The bucket is the API client's (the {@code client_id} of its validated access token, or {@code
 * azp}, or its subject) with the client's own policy where it has one, or the address's for requests without a
 * token and for the token endpoint, with the default policy. Every counted answer carries the IETF headers (draft
 * 10): {@code RateLimit-Policy: "default";q=100;w=1} and {@code RateLimit: "default";r=42;t=1}.
 */
@Component
public class RateLimiting implements DisposableBean, SmartInitializingSingleton {

    private final boolean enabled;
    private final RateLimitPolicy defaultPolicy;
    private final Buckets buckets;
    private final @Nullable RedisBuckets redis;
    private final ObjectProvider<RateLimitOverrides> overridesProvider;
    // Looked up once all beans exist: a look-up through the provider on every request cost 3 % of a product read.
    private @Nullable RateLimitOverrides overrides;
    private final Problems problems;
    private final Counter refusedClients;
    private final Counter refusedAddresses;

    RateLimiting(
            RateLimitProperties properties,
            ObjectProvider<RateLimitOverrides> overrides,
            Problems problems,
            MeterRegistry registry) {
        this.enabled = properties.enabled();
        this.defaultPolicy = RateLimitPolicy.parse(RateLimitPolicy.DEFAULT, properties.defaultPolicy());
        this.overridesProvider = overrides;
        this.problems = problems;
        this.refusedClients = refused(registry, "client");
        this.refusedAddresses = refused(registry, "address");
        var local = new LocalBuckets();
        if (properties.redisUrl().isBlank()) {
            this.redis = null;
            this.buckets = local;
        } else {
            var fallbacks = Counter.builder("stockroom.rate_limit.fallbacks")
                    .description("Requests counted by this instance alone because Redis failed or was not reached")
                    .register(registry);
            this.redis = new RedisBuckets(
                    properties.redisUrl(),
                    properties.redisTimeout(),
                    properties.redisRetry(),
                    local,
                    fallbacks::increment);
            this.buckets = redis;
            Gauge.builder("stockroom.rate_limit.redis.connected", redis, shared -> shared.isConnected() ? 1 : 0)
                    .description("1 while rate limits are shared through Redis, else 0")
                    .register(registry);
        }
    }

    private static Counter refused(MeterRegistry registry, String key) {
        return Counter.builder("stockroom.requests.rate_limited")
                .description("Requests refused with 429 for exceeding their rate limit")
                .tag("key", key)
                .register(registry);
    }

    /** The filter for the API's security chain, after authentication: by client, or by address without a token. */
    public Filter byCaller() {
        return new RateLimitFilter(this, true);
    }

    /** The filter for the token endpoint and whatever else has no token to go by: by address. */
    Filter byAddress() {
        return new RateLimitFilter(this, false);
    }

    /** Takes one request from its bucket and writes the headers; false (after writing the 429) when refused. */
    boolean admit(HttpServletRequest request, HttpServletResponse response, boolean byCaller) throws IOException {
        if (!enabled) {
            return true;
        }
        String client = byCaller ? clientOf() : null;
        var policy = defaultPolicy;
        if (client != null) {
            var own = overrides;
            var set = own == null ? null : own.forClient(client);
            if (set != null) {
                policy = set;
            }
        }
        String key = client != null ? "client:" + client : "address:" + request.getRemoteAddr();
        var decision = buckets.take(key, policy);
        response.setHeader("RateLimit-Policy", policy.header());
        response.setHeader(
                "RateLimit",
                "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + seconds(decision.nanosToReset(), 0));
        if (decision.allowed()) {
            return true;
        }
        (client != null ? refusedClients : refusedAddresses).increment();
        long retryAfter = seconds(decision.nanosToRetry(), 1);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(
                problems.forStatus(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "More than " + policy.limit() + " requests in " + policy.windowText()
                                + (client != null ? " from this client" : " from this address")
                                + "; retry after " + retryAfter + " s."),
                request,
                response);
        return false;
    }

    private static long seconds(long nanos, long atLeast) {
        return Math.max(atLeast, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** The API client of the request's validated access token, or null without one. */
    private static @Nullable String clientOf() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return null;
        }
        var jwt = token.getToken();
        String client = jwt.getClaimAsString("client_id");
        if (client == null) {
            client = jwt.getClaimAsString("azp");
        }
        return client != null ? client : jwt.getSubject();
    }

    @Override
    public void afterSingletonsInstantiated() {
        overrides = overridesProvider.getIfAvailable();
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.close();
        }
    }
}
