package dev.stockroom.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.catalog.domain.Product;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Single products as last read from the database, so that a read by id needs no round trip.
 *
 * <p>Correct across instances, because an entry lives only while somebody is listening for changes: every
 * committed change of a product row is announced on the channel {@code product_changed}, and {@link
 * ProductChangeListener} evicts the product on every instance. The writing instance evicts it itself as its
 * transaction completes, so its own next read sees the change at once, and queues the announcement, which the
 * listener sends within milliseconds, batched, outside the writing transaction (a NOTIFY inside it would serialise
 * every commit on a database-wide lock). Writers other than the service announce through a trigger. While the listener is not
 * connected, the cache is empty and bypassed: every read goes to the database, and nothing is kept, because
 * changes made meanwhile would not be heard.
 *
 * <p>A read that raced with a change must not put back what it read before the change. Each read notes the
 * stamp of its product's stripe (and the cache's generation) before it asks the database, and keeps its answer
 * only if neither moved, atomically with respect to the eviction of that product: an eviction moves the stamp
 * first and removes the entry after, so it either stops the put or removes what was put.
 *
 * <p>The entry is the immutable {@link Product} itself, so a body and its {@code ETag} (the version) always come
 * from the same row.
 */
@Component
class ProductCache {

    private static final int STRIPES = 1024;

    private final boolean enabled;
    private final Cache<ProductId, Product> entries;
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentLinkedQueue<ProductId> unannounced = new ConcurrentLinkedQueue<>();
    private volatile boolean listening;

    ProductCache(CatalogProperties properties, MeterRegistry registry) {
        var settings = properties.cache();
        this.enabled = settings.enabled();
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfterWrite(settings.timeToLive())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, entries, "products");
        Gauge.builder("stockroom.product.cache.listening", this, cache -> cache.isServing() ? 1 : 0)
                .description("1 while the product cache serves reads (its change listener is connected), else 0")
                .register(registry);
    }

    /** Whether reads are served from here: the cache is on and its listener is connected. */
    boolean isServing() {
        return enabled && listening;
    }

    /** The product from here, or from {@code load} (which is then kept, if nothing changed meanwhile). */
    Optional<Product> get(ProductId id, Function<ProductId, Optional<Product>> load) {
        if (!isServing()) {
            return load.apply(id);
        }
        var cached = entries.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        int stripe = stripe(id);
        long stamp = stamps.get(stripe);
        long generationBefore = generation.get();
        var loaded = load.apply(id);
        loaded.ifPresent(product -> entries.asMap().compute(id, (key, present) -> {
            boolean unchanged = isServing() && stamps.get(stripe) == stamp && generation.get() == generationBefore;
            return unchanged ? product : present;
        }));
        return loaded;
    }

    /** Forgets the products now; on this instance's next read they come from the database. */
    void evict(Collection<ProductId> ids) {
        for (var id : ids) {
            stamps.incrementAndGet(stripe(id));
            entries.asMap().remove(id);
        }
    }

    /**
     * Forgets the products once the current transaction completes (committed or not), or now outside one, and
     * queues their announcement to the other instances if it committed. Evicting only after the commit matters:
     * evicted before, a concurrent read could put the old row back. Announced whether or not this instance caches,
     * since others may.
     */
    void evictAfterCompletion(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(ids);
            unannounced.addAll(ids);
            return;
        }
        var copy = List.copyOf(ids);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                evict(copy);
                if (status == STATUS_COMMITTED) {
                    unannounced.addAll(copy);
                }
            }
        });
    }

    /** Takes up to {@code max} products whose change is still to be announced to the other instances. */
    List<ProductId> takeUnannounced(int max) {
        var taken = new ArrayList<ProductId>();
        ProductId id;
        while (taken.size() < max && (id = unannounced.poll()) != null) {
            taken.add(id);
        }
        return taken;
    }

    /** Puts back what could not be announced, to be tried again. */
    void stillUnannounced(List<ProductId> ids) {
        unannounced.addAll(ids);
    }

    /** The listener is connected and listening: start keeping products, from empty (changes may have been missed). */
    void resume() {
        evictAll();
        listening = true;
    }

    /** The listener lost its connection: changes would go unheard, so keep nothing and serve nothing. */
    void suspend() {
        listening = false;
        evictAll();
    }

    /** Forgets every product; a read in flight keeps nothing it read before this. */
    void evictAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private static int stripe(ProductId id) {
        return (id.hashCode() & Integer.MAX_VALUE) % STRIPES;
    }
}
