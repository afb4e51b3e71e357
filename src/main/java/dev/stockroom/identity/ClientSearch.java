package dev.stockroom.identity;

import dev.stockroom.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;

/** A page request over the API clients, in creation order. */
public record ClientSearch(int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "clients";
    }
}
