package dev.stockroom.shared.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one page of a keyset-paginated list, in one statement: the rows that match the filters and come
 * strictly after the position the cursor names, in the sort key's order, {@code limit + 1} of them to tell
 * whether another page follows. Rows inserted meanwhile neither shift nor repeat what the client has seen.
 * The cursor of the next page names the last row kept; it is checked ({@link CursorCodec}) before anything is
 * read, so an altered cursor, or one of another query, is refused with {@link InvalidCursor}.
 */
@Component
public class KeysetPages {

    private static final String AFTER_VALUE = "keysetAfterValue";
    private static final String AFTER_ID = "keysetAfterId";
    private static final String LIMIT = "keysetLimit";

    private final JdbcClient jdbc;
    private final CursorCodec cursors;

    KeysetPages(JdbcClient jdbc, CursorCodec cursors) {
        this.jdbc = jdbc;
        this.cursors = cursors;
    }

    /**
     * @param select the {@code select ... from ...} of the rows, without conditions or order; it reads the sort
     *     key's column and {@code id}
     * @param where the filters of the query
     */
    public <T, V> Page<T> read(
            PageQuery query, String select, Conditions where, SortKey<T, V> sort, RowMapper<T> rows) {
        String cursor = query.cursor();
        @Nullable Position<V> after = cursor == null ? null : sort.read(cursors.decode(cursor, query.fingerprint()));
        if (where.matchNothing()) {
            return new Page<>(List.of(), null);
        }
        String sql = select
                + where.where(after == null ? null : sort.after(AFTER_VALUE, AFTER_ID))
                + " order by " + sort.orderBy() + " limit :" + LIMIT;
        var found = jdbc.sql(sql)
                .params(parameters(query, where, sort, after))
                .query(rows)
                .list();
        return Page.fromRows(
                found, query.limit(), last -> cursors.encode(query.fingerprint(), sort.write(sort.positionOf(last))));
    }

    private static <V> Map<String, Object> parameters(
            PageQuery query, Conditions where, SortKey<?, V> sort, @Nullable Position<V> after) {
        var parameters = new HashMap<>(where.parameters());
        parameters.put(LIMIT, query.limit() + 1);
        if (after != null) {
            parameters.put(AFTER_VALUE, sort.parameter(after.value()));
            parameters.put(AFTER_ID, after.id());
        }
        return parameters;
    }
}
