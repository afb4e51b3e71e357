package dev.stockroom.shared.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list.
 *
 * @param items the items, in the requested order
 * @param nextCursor the opaque cursor of the following page, or null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made of rows read with {@code limit + 1}: the extra row, if any, only says that another page
     * follows, whose cursor {@code cursorAfter} makes from the last row of this one.
     */
    public static <T> Page<T> fromRows(List<T> rows, int limit, Function<? super T, String> cursorAfter) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var page = rows.subList(0, limit);
        return new Page<>(page, cursorAfter.apply(page.getLast()));
    }

    /** The same page with its items replaced as a whole, e.g. completed by one more query for all of them. */
    public <R> Page<R> mapAll(Function<List<T>, List<R>> mapper) {
        return new Page<>(mapper.apply(items), nextCursor);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
