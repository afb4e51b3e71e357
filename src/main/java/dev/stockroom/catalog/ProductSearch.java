package dev.stockroom.catalog;

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
        @Nullable String cursor) {

    /** Identifies the query a cursor belongs to: the same sort and filters. */
    String fingerprint() {
        return String.join(
                "|",
                "products",
                sort.parameter(),
                String.valueOf(q),
                String.valueOf(inStock),
                minPrice == null ? "null" : minPrice.stripTrailingZeros().toPlainString(),
                maxPrice == null ? "null" : maxPrice.stripTrailingZeros().toPlainString());
    }
}
