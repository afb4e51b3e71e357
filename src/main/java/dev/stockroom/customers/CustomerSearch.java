package dev.stockroom.customers;

import dev.stockroom.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;

/**
 * A page request over customers, in creation order.
 *
 * @param q case-insensitive substring of the name or email
 */
public record CustomerSearch(
        @Nullable String q, int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "customers|" + q;
    }
}
