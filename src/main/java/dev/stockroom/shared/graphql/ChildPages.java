package dev.stockroom.shared.graphql;

import dev.stockroom.shared.graphql.Loaders.ChildPage;
import dev.stockroom.shared.paging.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers a batch of nested-list keys ({@link ChildPage}) as a batch loader must: the keys without a cursor and
 * with the same arguments together, with one call for all their parents (one statement), and a key with a cursor
 * (a later page of one parent's list) on its own.
 */
public final class ChildPages {

    private ChildPages() {}

    /**
     * @param parentOf the parent's id as its module names it
     * @param searchOf the page request of a key (its size already checked with {@link InvalidArgument#first})
     * @param firstPages the first pages of many parents, alike but for their parent
     * @param onePage one page of one parent's list
     * @param node what an item of the list is in the schema
     */
    public static <P, S, R, T> Map<ChildPage, Connection<T>> load(
            Set<ChildPage> keys,
            Function<UUID, P> parentOf,
            BiFunction<P, ChildPage, S> searchOf,
            Function<Map<P, S>, Map<P, Page<R>>> firstPages,
            Function<S, Page<R>> onePage,
            Function<? super R, ? extends T> node) {
        var answers = new LinkedHashMap<ChildPage, Connection<T>>();
        var alike = new LinkedHashMap<Map<String, Object>, Map<P, ChildPage>>();
        for (var key : keys) {
            var parent = parentOf.apply(key.parent());
            if (key.after() == null) {
                alike.computeIfAbsent(key.arguments(), arguments -> new LinkedHashMap<>())
                        .put(parent, key);
            } else {
                answers.put(key, Connection.of(onePage.apply(searchOf.apply(parent, key)), node));
            }
        }
        for (var group : alike.values()) {
            var searches = new LinkedHashMap<P, S>();
            group.forEach((parent, key) -> searches.put(parent, searchOf.apply(parent, key)));
            var pages = firstPages.apply(searches);
            group.forEach((parent, key) -> {
                var page = pages.get(parent);
                if (page != null) {
                    answers.put(key, Connection.of(page, node));
                }
            });
        }
        return answers;
    }
}
