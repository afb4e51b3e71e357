package dev.stockroom.catalog;

import dev.stockroom.shared.paging.PageQuery;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A page request over the catalog.
 *
 * @param q case-insensitive substring of name or sku
 * @param inStock only products with (true) or without (false) stock
 * @param minPrice lowest price, inclusive
 * @param maxPrice highest price, inclusive
 * @param cursor the opaque cursor of the previous page, or null for the first page
 */
public record ProductSearch(
        @Nullable String q,
        @Nullable Boolean inStock,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        ProductSort sort,
        int limit,
        @Nullable String cursor)
        implements PageQuery {

    /**
     * Identifies the query a cursor belongs to: the same sort and filters. The prices are compared by value
     * ({@code 10} and {@code 10.00} are one query); normalizing them costs little because the edge bounds every
     * decimal's digits ({@code InputBounds}) before it gets here.
     */
    @Override
    public String fingerprint() {
        return String.join(
                "|",
                "products",
                sort.wireValue(),
                String.valueOf(q),
                String.valueOf(inStock),
                minPrice == null ? "null" : minPrice.stripTrailingZeros().toPlainString(),
                maxPrice == null ? "null" : maxPrice.stripTrailingZeros().toPlainString());
    }
}
