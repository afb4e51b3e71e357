package dev.stockroom.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog ({@code stockroom.catalog.*}).
 *
 * @param cache the product cache ({@link ProductCache})
 */
@ConfigurationProperties("stockroom.catalog")
record CatalogProperties(@DefaultValue Cache cache) {

    /**
     * @param enabled whether single products are served from memory ({@code STOCKROOM_PRODUCT_CACHE}: on or off)
     * @param maxSize how many products are kept at most; the least used go first
     * @param timeToLive the longest an entry is kept, a bound on the damage of an invalidation that never came
     * @param reconnectDelay how long the change listener waits before reconnecting after it lost its connection;
     *     meanwhile every read goes to the database
     * @param heartbeat how long the listener may hear nothing before it checks its connection with a query
     */
    record Cache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10000") long maxSize,
            @DefaultValue("5m") Duration timeToLive,
            @DefaultValue("1s") Duration reconnectDelay,
            @DefaultValue("5s") Duration heartbeat) {}
}
