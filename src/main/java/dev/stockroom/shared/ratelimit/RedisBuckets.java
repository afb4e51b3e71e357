package dev.stockroom.shared.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every instance (bucket4j's compare-and-swap on one key per client and policy, which
 * expires once the bucket would be full again).
 *
 * <p>Redis never holds a request up for long, and never refuses one by failing: Lettuce rejects commands at once
 * while it is disconnected instead of queueing them (its default), every command times out after {@code
 * redisTimeout}, and after a failure this instance counts on its own ({@link LocalBuckets}) for {@code
 * redisRetry} before it asks Redis again. The first connection is made in the background, so an instance starts
 * without Redis; once made, Lettuce reconnects by itself within a second.
 */
final class RedisBuckets implements Buckets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final String PREFIX = "stockroom:rate-limit:";
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private final RedisClient client;
    private final ClientResources resources;
    private final Duration timeout;
    private final long retryNanos;
    private final Buckets fallback;
    private final Runnable onFallback;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private volatile @Nullable ProxyManager<byte[]> buckets;
    private volatile long askAgainAt = System.nanoTime();
    private volatile boolean failing;

    RedisBuckets(String url, Duration timeout, Duration retry, Buckets fallback, Runnable onFallback) {
        this.timeout = timeout;
        this.retryNanos = retry.toNanos();
        this.fallback = fallback;
        this.onFallback = onFallback;
        this.resources = ClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        var uri = RedisURI.create(url);
        // The handshake of a new connection may take longer than a command (it is bounded by this); every command
        // is bounded by the short timeout below.
        uri.setTimeout(CONNECT_TIMEOUT.multipliedBy(4));
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        connectInBackground();
    }

    /** Whether the last request asked Redis and had its answer. */
    boolean isConnected() {
        var open = connection;
        return open != null && open.isOpen() && !failing;
    }

    @Override
    public Decision take(String key, RateLimitPolicy policy) {
        var shared = buckets;
        if (shared == null || System.nanoTime() - askAgainAt < 0) {
            if (shared == null) {
                connectInBackground();
            }
            onFallback.run();
            return fallback.take(key, policy);
        }
        try {
            var bucket = shared.builder()
                    .build(
                            (PREFIX + key + ":" + policy.text()).getBytes(StandardCharsets.UTF_8),
                            () -> Buckets.configuration(policy));
            var decision = Decision.of(bucket.tryConsumeAndReturnRemaining(1));
            if (failing) {
                failing = false;
                log.info("Rate limits are shared through Redis again");
            }
            return decision;
        } catch (RuntimeException e) {
            askAgainAt = System.nanoTime() + retryNanos;
            if (!failing) {
                failing = true;
                log.warn(
                        "Redis failed ({}); every instance counts rate limits on its own until it answers again",
                        e.toString());
            }
            onFallback.run();
            return fallback.take(key, policy);
        }
    }

    /** Opens the first connection on another thread, once at a time, at most every {@code redisRetry}. */
    private void connectInBackground() {
        if (System.nanoTime() - askAgainAt < 0 || !connecting.compareAndSet(false, true)) {
            return;
        }
        askAgainAt = System.nanoTime() + retryNanos;
        Thread.ofVirtual().name("rate-limit-redis-connect").start(() -> {
            try {
                var open = client.connect(ByteArrayCodec.INSTANCE);
                connection = open;
                buckets = Bucket4jLettuce.casBasedBuilder(open)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .requestTimeout(timeout)
                        .build();
                askAgainAt = System.nanoTime();
                log.info("Rate limits are shared through Redis");
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    log.warn(
                            "Cannot connect to Redis ({}); every instance counts rate limits on its own until it can",
                            e.toString());
                }
            } finally {
                connecting.set(false);
            }
        });
    }

    @Override
    public void close() {
        var open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
