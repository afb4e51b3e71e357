package dev.stockroom.shared.paging;

import org.jspecify.annotations.Nullable;

/** What a keyset page is asked for with: the query it belongs to, its size and where it starts. */
public interface PageQuery {

    /** Identifies the query (sort and filters) a cursor may be used with; a cursor of another one is refused. */
    String fingerprint();

    int limit();

    /** The opaque cursor of the previous page, or null for the first page. */
    @Nullable String cursor();
}
