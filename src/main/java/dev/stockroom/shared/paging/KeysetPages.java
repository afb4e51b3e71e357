package dev.stockroom.shared.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /**
     * The first pages of many lists of one kind at once, one list per group (each customer's orders, say), in one
     * statement whatever the number of groups: the rows are ranked in the sort key's order within their group, and
     * the first {@code limit + 1} of each kept. Every query must have the same limit and no cursor (a later page
     * belongs to one group: {@link #read} it); each page's cursor is the one {@link #read} would have made for its
     * query, so it reads on with the same query alone.
     *
     * @param queries the query of each group, all with the same limit and filters
     * @param columns the columns to read, among them the sort key's, {@code id} and the group column
     * @param table what the rows come from
     * @param groupColumn the column whose value says which group a row belongs to
     * @param where the filters common to every group
     * @param groupOf the group of a row, as in the keys of {@code queries}
     */
    public <T, V, G> Map<G, Page<T>> firstPages(
            Map<G, ? extends PageQuery> queries,
            String columns,
            String table,
            String groupColumn,
            Function<G, Object> groupParameter,
            Conditions where,
            SortKey<T, V> sort,
            RowMapper<T> rows,
            Function<T, G> groupOf) {
        var pages = new LinkedHashMap<G, Page<T>>();
        if (queries.isEmpty()) {
            return pages;
        }
        int limit = queries.values().iterator().next().limit();
        if (queries.values().stream().anyMatch(query -> query.limit() != limit || query.cursor() != null)) {
            throw new IllegalArgumentException("First pages need one limit and no cursor");
        }
        var byGroup = new HashMap<G, List<T>>();
        if (!where.matchNothing()) {
            where.add(
                    groupColumn + " in (:keysetGroups)",
                    "keysetGroups",
                    queries.keySet().stream().map(groupParameter).toList());
            String sql = "select " + columns + " from (select " + columns + ", row_number() over (partition by "
                    + groupColumn + " order by " + sort.orderBy() + ") as keyset_rank from " + table
                    + where.where(null) + ") ranked where keyset_rank <= :" + LIMIT + " order by " + groupColumn
                    + ", " + sort.orderBy();
            var parameters = new HashMap<>(where.parameters());
            parameters.put(LIMIT, limit + 1);
            for (T row : jdbc.sql(sql).params(parameters).query(rows).list()) {
                byGroup.computeIfAbsent(groupOf.apply(row), group -> new ArrayList<>())
                        .add(row);
            }
        }
        queries.forEach((group, query) -> pages.put(
                group,
                Page.fromRows(
                        byGroup.getOrDefault(group, List.of()),
                        limit,
                        last -> cursors.encode(query.fingerprint(), sort.write(sort.positionOf(last))))));
        return pages;
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
