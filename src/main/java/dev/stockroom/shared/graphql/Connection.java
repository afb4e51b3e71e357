package dev.stockroom.shared.graphql;

import dev.stockroom.shared.paging.Page;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection: one keyset page as {@code edges { node }} and {@code pageInfo}. The end cursor is the
 * page's signed cursor, the same REST answers as {@code next_cursor}.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(T node) {}

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

    public static <S, T> Connection<T> of(Page<S> page, Function<? super S, ? extends T> node) {
        List<Edge<T>> edges = page.items().stream()
                .<Edge<T>>map(item -> new Edge<>(node.apply(item)))
                .toList();
        return new Connection<>(edges, new PageInfo(page.nextCursor() != null, page.nextCursor()));
    }
}
