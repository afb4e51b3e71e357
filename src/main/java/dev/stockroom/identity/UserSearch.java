package dev.stockroom.identity;

import dev.stockroom.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;

/** A page request over the users, in creation order. */
public record UserSearch(int limit, @Nullable String cursor) implements PageQuery {

    @Override
    public String fingerprint() {
        return "users";
    }
}
