package dev.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.catalog.domain.Price;
import dev.stockroom.catalog.domain.Product;
import dev.stockroom.catalog.domain.Sku;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductCacheTest {

    private final Product product =
            Product.create(new Sku("CACHE-1"), "Cached", null, new Price(new BigDecimal("1.00")), 5, 0, Instant.EPOCH);
    private final ProductId id = product.id();
    private final AtomicInteger loads = new AtomicInteger();

    private final ProductCache cache = cache(true);

    private static ProductCache cache(boolean enabled) {
        var settings = new CatalogProperties.Cache(
                enabled, 100, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5));
        return new ProductCache(new CatalogProperties(settings), new SimpleMeterRegistry());
    }

    private Optional<Product> fromDatabase(ProductId ignored) {
        loads.incrementAndGet();
        return Optional.of(product);
    }

    @Test
    void keepsWhatItReadWhileItsListenerIsConnected() {
        cache.resume();

        cache.get(id, this::fromDatabase);
        var second = cache.get(id, this::fromDatabase);

        assertThat(second).containsSame(product);
        assertThat(loads).hasValue(1);
    }

    @Test
    void readsEverythingFromTheDatabaseUntilItsListenerConnects() {
        cache.get(id, this::fromDatabase);
        cache.get(id, this::fromDatabase);

        assertThat(loads).hasValue(2);
    }

    @Test
    void anEvictedProductIsReadAgain() {
        cache.resume();
        cache.get(id, this::fromDatabase);

        cache.evict(List.of(id));
        cache.get(id, this::fromDatabase);

        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadThatRacedWithAChangeKeepsNothing() {
        cache.resume();
        Function<ProductId, Optional<Product>> readThenChanged = key -> {
            var read = fromDatabase(key);
            cache.evict(List.of(key)); // the change's notification arrives before the read puts its answer
            return read;
        };

        cache.get(id, readThenChanged);
        cache.get(id, this::fromDatabase);

        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadThatRacedWithALostListenerKeepsNothing() {
        cache.resume();
        Function<ProductId, Optional<Product>> readThenLost = key -> {
            var read = fromDatabase(key);
            cache.suspend();
            cache.resume();
            return read;
        };

        cache.get(id, readThenLost);
        cache.get(id, this::fromDatabase);

        assertThat(loads).hasValue(2);
    }

    @Test
    void aLostListenerEmptiesTheCacheAndBypassesIt() {
        cache.resume();
        cache.get(id, this::fromDatabase);

        cache.suspend();
        cache.get(id, this::fromDatabase);
        cache.get(id, this::fromDatabase);
        assertThat(loads).hasValue(3);

        cache.resume();
        cache.get(id, this::fromDatabase);
        cache.get(id, this::fromDatabase);
        assertThat(loads).hasValue(4);
    }

    @Test
    void aMissingProductIsNotKept() {
        cache.resume();
        Function<ProductId, Optional<Product>> missing = key -> {
            loads.incrementAndGet();
            return Optional.empty();
        };

        cache.get(id, missing);
        cache.get(id, missing);

        assertThat(loads).hasValue(2);
    }

    @Test
    void switchedOffItKeepsNothing() {
        var off = cache(false);
        off.resume();

        off.get(id, this::fromDatabase);
        off.get(id, this::fromDatabase);

        assertThat(loads).hasValue(2);
        assertThat(off.isServing()).isFalse();
    }
}
